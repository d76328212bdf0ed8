package com.crashanalytics.api.error;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.crashanalytics.api.config.GatewaySettings;
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
 * A read that PostgreSQL cancelled at the read statement timeout (SQLSTATE 57014, {@code query_canceled}) is the
 * limit doing its job, not a fault: the client learns which limit and what to do (a narrower window, fewer bots, fewer
 * fields), instead of an opaque internal error. Recognised by the SQLSTATE anywhere in the cause chain, so it does not
 * depend on how the persistence adapter wraps driver exceptions.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class StatementTimeoutResolver extends DataFetcherExceptionResolverAdapter {

    /** PostgreSQL's {@code query_canceled}: raised by {@code statement_timeout}. */
    static final String QUERY_CANCELED = "57014";

    private static final Logger log = LoggerFactory.getLogger(StatementTimeoutResolver.class);

    private final Duration timeout;

    public StatementTimeoutResolver(GatewaySettings settings) {
        this.timeout = settings.readStatementTimeout();
    }

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (!isCancelledStatement(exception)) {
            return null;
        }
        log.warn("Read cancelled at the statement timeout ({}) in {}", timeout, environment.getExecutionStepInfo().getPath());
        return GraphqlErrorBuilder.newError(environment)
                .errorType(GatewayErrorType.TIMEOUT)
                .message("The query took longer than the read statement timeout (" + timeout.toMillis()
                        + " ms) and was cancelled; ask for a narrower time window, fewer items or fewer fields")
                .extensions(Map.of("limit", "readStatementTimeout", "max", timeout.toMillis()))
                .build();
    }

    static boolean isCancelledStatement(@Nullable Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
