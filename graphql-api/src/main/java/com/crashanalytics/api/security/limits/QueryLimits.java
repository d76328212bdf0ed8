package com.crashanalytics.api.security.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How big and how deep one request may be ({@code gateway.limits.*}; the environment variables and defaults are
 * in application.yaml). Requests over a limit are refused before anything runs.
 *
 * @param maxDepth       nesting of fields, {@code { bot { botId } }} being 2
 * @param maxComplexity  fields the operation selects, a plain list's items or a connection's edges under
 *                       {@code first: n} counting n times
 * @param maxTokens      lexical tokens of the document (graphql-java's parser stops reading past it)
 * @param maxAliases     aliased fields in the document: aliases are how one document repeats an operation
 * @param maxRootFields  root fields of the operation: how many queries or mutations one document runs
 * @param maxRequestSize request body, in bytes (e.g. {@code 1MB})
 */
@ConfigurationProperties("gateway.limits")
public record QueryLimits(int maxDepth, int maxComplexity, int maxTokens, int maxAliases, int maxRootFields,
                          DataSize maxRequestSize) {

    public QueryLimits {
        if (maxDepth < 1 || maxComplexity < 1 || maxTokens < 1 || maxAliases < 0 || maxRootFields < 1
                || maxRequestSize.toBytes() < 1) {
            throw new IllegalArgumentException("gateway.limits must be positive (max-aliases may be 0): max-depth "
                    + maxDepth + ", max-complexity " + maxComplexity + ", max-tokens " + maxTokens + ", max-aliases "
                    + maxAliases + ", max-root-fields " + maxRootFields + ", max-request-size " + maxRequestSize);
        }
    }
}
