package com.crashanalytics.api.security.limits;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.crashanalytics.api.error.DatabaseAvailability;
import com.crashanalytics.api.error.ErrorResponses;
import com.crashanalytics.api.error.GatewayErrorType;
import com.crashanalytics.api.security.authentication.Callers;
import com.crashanalytics.domain.access.ApiKey;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import graphql.validation.QueryComplexityLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Hands every GraphQL request the parser's token limit, and no validation limits of graphql-java's own: graphql-java
 * 26 validates documents against 100 levels and 100,000 fields with fragments expanded, and would refuse with its own
 * error a document that a raised {@code GATEWAY_MAX_QUERY_COMPLEXITY} allows; the gateway's depth and expanded size
 * are checked before validation ({@link DocumentLimitsInstrumentation}). Over WebSocket, where {@link RateLimitFilter}
 * does not see each operation, it applies the key's rate limit to each operation (a TOO_MANY_REQUESTS error with
 * {@code retryAfterSeconds}). Runs after the authentication's {@code CallerContextInterceptor}, which has refused
 * WebSocket operations without a caller.
 */
final class WebSocketLimitsInterceptor implements WebGraphQlInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLimitsInterceptor.class);

    private final ParserOptions parserOptions;
    private final RateLimiter rateLimiter;

    WebSocketLimitsInterceptor(QueryLimits limits, RateLimiter rateLimiter) {
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens()));
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(reactorContext -> {
            Optional<ApiKey> caller = Callers.of(request, reactorContext);
            if (request instanceof WebSocketGraphQlRequest && caller.isPresent()) {
                OptionalLong retryAfter;
                try {
                    retryAfter = rateLimiter.tryAcquire(caller.get());
                } catch (RuntimeException failed) {
                    if (!DatabaseAvailability.isAway(failed)) {
                        throw failed;
                    }
                    // The shared buckets are in the database: while it is away no allowance can be checked.
                    String errorId = DatabaseAvailability.logged(LOG, "while checking the rate limit", failed);
                    return Mono.just(answer(request, DatabaseAvailability.error(
                            GraphqlErrorBuilder.newError().locations(null), errorId)));
                }
                if (retryAfter.isPresent()) {
                    return Mono.just(answer(request, GraphqlErrorBuilder.newError()
                            .errorType(GatewayErrorType.TOO_MANY_REQUESTS)
                            .message(ErrorResponses.tooManyRequestsMessage(retryAfter.getAsLong()))
                            .extensions(Map.of("retryAfterSeconds", retryAfter.getAsLong()))
                            .locations(null).build()));
                }
            }
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(ParserOptions.class, parserOptions)
                            .put(QueryComplexityLimits.KEY, QueryComplexityLimits.NONE)).build());
            return chain.next(request);
        });
    }

    private static WebGraphQlResponse answer(WebGraphQlRequest request, GraphQLError error) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
