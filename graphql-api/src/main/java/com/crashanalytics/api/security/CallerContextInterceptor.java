package com.crashanalytics.api.security;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.crashanalytics.api.error.DatabaseAvailability;
import com.crashanalytics.api.error.GatewayErrorType;
import com.crashanalytics.domain.access.ApiKey;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Hands every GraphQL request the facts the engine needs before it runs: who is calling (the authenticated
 * {@link ApiKey}, see {@link Callers}) and the parser's token limit. Over WebSocket, where the HTTP filters do not
 * see each operation, it also refuses operations without a caller and applies the key's rate limit.
 */
final class CallerContextInterceptor implements WebGraphQlInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CallerContextInterceptor.class);

    private final ParserOptions parserOptions;
    private final RateLimiter rateLimiter;

    CallerContextInterceptor(QueryLimits limits, RateLimiter rateLimiter) {
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens()));
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(reactorContext -> {
            Optional<ApiKey> caller = Callers.of(request, reactorContext);
            if (request instanceof WebSocketGraphQlRequest) {
                if (caller.isEmpty()) {
                    return Mono.just(refusal(request, ErrorType.UNAUTHORIZED, "an API key is required", null));
                }
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
                    return Mono.just(refusal(request, GatewayErrorType.TOO_MANY_REQUESTS,
                            ErrorResponses.tooManyRequestsMessage(retryAfter.getAsLong()), retryAfter.getAsLong()));
                }
            }
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
                context.put(ParserOptions.class, parserOptions);
                caller.ifPresent(key -> context.put(Callers.CONTEXT_KEY, key));
            }).build());
            return chain.next(request);
        });
    }

    private static WebGraphQlResponse refusal(WebGraphQlRequest request, ErrorClassification classification,
                                              String message, @Nullable Long retryAfterSeconds) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().errorType(classification).message(message).locations(null);
        if (retryAfterSeconds != null) {
            error.extensions(Map.of("retryAfterSeconds", retryAfterSeconds));
        }
        return answer(request, error.build());
    }

    private static WebGraphQlResponse answer(WebGraphQlRequest request, GraphQLError error) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
