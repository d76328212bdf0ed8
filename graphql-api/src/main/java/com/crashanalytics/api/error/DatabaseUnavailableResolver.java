package com.crashanalytics.api.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A field whose database went away while it ran answers a retryable {@code UNAVAILABLE} error with an error id
 * (also in the log), not an internal error: a database restart is weather, not a bug. The use case's transaction
 * was rolled back, so the client sends the same request again and the gateway's idempotency does the rest.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 2)
public class DatabaseUnavailableResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (!DatabaseAvailability.isAway(exception)) {
            return null;
        }
        String errorId = DatabaseAvailability.logged(log, "in " + environment.getExecutionStepInfo().getPath(), exception);
        return DatabaseAvailability.error(GraphqlErrorBuilder.newError(environment), errorId);
    }
}
