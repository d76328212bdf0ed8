package com.crashanalytics.api.error;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * The last resort for failures nobody anticipated: the client gets an opaque error id, never SQL, class names
 * or stack traces; the log gets the id with the full exception, so an operator can find one from the other.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnexpectedErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} in {}", errorId, environment.getExecutionStepInfo().getPath(), exception);
        return GraphqlErrorBuilder.newError(environment)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error; quote error id " + errorId + " when reporting it")
                .extensions(Map.of("errorId", errorId))
                .build();
    }
}
