package com.crashanalytics.api.transaction;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.error.DatabaseAvailability;
import com.crashanalytics.api.error.GatewayErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * The answer to a large query that did not get its turn ({@link LargeQueryTurns.Busy}): a retryable
 * {@code UNAVAILABLE} error, which {@code DatabaseUnavailableResponses} sends as HTTP 503 with {@code Retry-After},
 * as when the database is out of connections: the gateway cannot take the work now, nothing was read, and the same
 * request may be sent again.
 */
final class LargeQueryRefusal {

    private LargeQueryRefusal() {
    }

    static WebGraphQlResponse of(WebGraphQlRequest request, LargeQueryTurns.Busy busy) {
        ExecutionResult result = ExecutionResult.newExecutionResult().errors(List.of(GraphqlErrorBuilder.newError()
                .errorType(GatewayErrorType.UNAVAILABLE)
                .message(busy.getMessage())
                .extensions(Map.of("limit", "largeQueriesAtOnce", "complexity", busy.complexity(),
                        "retryAfterSeconds", DatabaseAvailability.RETRY_AFTER_SECONDS))
                .build())).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
