package com.crashanalytics.api.security.authentication;

import java.util.Optional;

import com.crashanalytics.domain.access.ApiKey;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Hands every GraphQL request who is calling (the authenticated {@link ApiKey}, see {@link Callers}). Over WebSocket,
 * where the HTTP filters do not see each operation, it also refuses operations without a caller; the key's rate limit
 * and the parser's token limit follow in the limits' interceptor
 * ({@code com.crashanalytics.api.security.limits.WebSocketLimitsInterceptor}), which runs right after this one.
 */
public final class CallerContextInterceptor implements WebGraphQlInterceptor {

    CallerContextInterceptor() {
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return Mono.deferContextual(reactorContext -> {
            Optional<ApiKey> caller = Callers.of(request, reactorContext);
            if (request instanceof WebSocketGraphQlRequest && caller.isEmpty()) {
                return Mono.just(unauthorized(request));
            }
            caller.ifPresent(key -> request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(Callers.CONTEXT_KEY, key)).build()));
            return chain.next(request);
        });
    }

    private static WebGraphQlResponse unauthorized(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .errorType(ErrorType.UNAUTHORIZED).message("an API key is required").locations(null).build()).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
