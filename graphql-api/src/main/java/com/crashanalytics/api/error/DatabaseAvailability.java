package com.crashanalytics.api.error;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Tells a database that is away from a fault. Recognised by JDBC's own signs anywhere in the cause chain, so it does
 * not depend on how the persistence adapter or the pool wraps driver exceptions: the connection-exception SQLSTATE
 * class 08 (refused, broken), PostgreSQL's shutdown and start-up states (57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now), too many connections (53300), and the pool's
 * {@link SQLTransientConnectionException} when no connection came in time.
 */
public final class DatabaseAvailability {

    /** How long a client is asked to wait before it sends the same request again. */
    public static final long RETRY_AFTER_SECONDS = 1;

    private static final Set<String> AWAY_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseAvailability() {
    }

    public static boolean isAway(@Nullable Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || AWAY_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // HikariCP's stand-in for a connection it already closed as broken answers any later call with this,
            // without a SQLSTATE: a library that caught the first failure and went on (Bucket4j's shared buckets
            // rolling back) shows only this one.
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new error id for one outage answer, logged with what failed; the answer's message and extensions come from
     * {@link #message} and {@link #extensions} with that id.
     */
    public static String logged(Logger log, String where, Throwable cause) {
        String errorId = UUID.randomUUID().toString();
        log.warn("Database unavailable ({}) {}: {}", errorId, where, cause.toString());
        return errorId;
    }

    /** The GraphQL error of an outage, on the builder of the field (or of the request) it is about. */
    public static GraphQLError error(GraphqlErrorBuilder<?> builder, String errorId) {
        return builder.errorType(GatewayErrorType.UNAVAILABLE).message(message(errorId)).extensions(extensions(errorId)).build();
    }

    public static Map<String, Object> extensions(String errorId) {
        return Map.of("errorId", errorId, "retryAfterSeconds", RETRY_AFTER_SECONDS);
    }

    public static String message(String errorId) {
        return "The database is unavailable for a moment, so this was not done; send the same request again after "
                + RETRY_AFTER_SECONDS + " s (a retry is recognised, never applied twice; error id " + errorId + ")";
    }
}
