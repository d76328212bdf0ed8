package com.crashanalytics.api.error;

import java.util.List;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The outermost GraphQL interceptor: a database that is away before any field runs (the read snapshot could not be
 * opened) answers the same retryable {@code UNAVAILABLE} error that {@link DatabaseUnavailableResolver} gives a
 * field, and every answer carrying one gets {@code Retry-After}; {@link Http} sends it as HTTP 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableResponses implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResponses.class);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .onErrorResume(DatabaseAvailability::isAway, away -> Mono.just(unavailable(request, away)))
                .doOnNext(response -> {
                    if (isUnavailable(response)) {
                        response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER,
                                Long.toString(DatabaseAvailability.RETRY_AFTER_SECONDS));
                    }
                });
    }

    private static WebGraphQlResponse unavailable(WebGraphQlRequest request, Throwable away) {
        String errorId = DatabaseAvailability.logged(log, "before the request ran", away);
        GraphQLError error = DatabaseAvailability.error(GraphqlErrorBuilder.newError(), errorId);
        ExecutionResult result = ExecutionResult.newExecutionResult().errors(List.of(error)).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    static boolean isUnavailable(WebGraphQlResponse response) {
        for (ResponseError error : response.getErrors()) {
            if (error.getErrorType() == GatewayErrorType.UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }

    /** Spring's HTTP handler, answering 503 when the database was away, so proxies and clients see it too. */
    public static class Http extends GraphQlHttpHandler {

        public Http(WebGraphQlHandler graphQlHandler) {
            super(graphQlHandler);
        }

        @Override
        protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
            return isUnavailable(response) ? HttpStatus.SERVICE_UNAVAILABLE : super.selectResponseStatus(response, responseMediaType);
        }
    }
}
