package com.crashanalytics.api.security;

import java.util.Optional;

import com.crashanalytics.domain.access.ApiKey;
import graphql.GraphQLContext;

/**
 * Where a GraphQL request finds who sent it: the authenticated {@link ApiKey} in the request's
 * {@link GraphQLContext} under {@value #CONTEXT_KEY}. A controller that must restrict what it returns (a policy
 * with {@link BotScope#filteredByResolver()}) takes it as {@code @ContextValue ApiKey caller}.
 */
public final class Callers {

    /** The context key; equal to the parameter name {@code caller} so {@code @ContextValue} finds it by name. */
    public static final String CONTEXT_KEY = "caller";

    private Callers() {
    }

    public static Optional<ApiKey> of(GraphQLContext context) {
        return Optional.ofNullable(context.get(CONTEXT_KEY));
    }
}
