package com.crashanalytics.simulator.gateway;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The gateway refused a request (GraphQL errors), answered something that is not a GraphQL response, or did not
 * answer at all. The message carries the gateway's own error messages.
 */
public class GatewayException extends RuntimeException {

    /** The HTTP status when there was no answer at all. */
    public static final int NO_ANSWER = 0;

    private final int httpStatus;
    private final List<GraphQlError> errors;

    public GatewayException(int httpStatus, List<GraphQlError> errors) {
        this(httpStatus, errors.stream().map(GraphQlError::message).collect(Collectors.joining("; ")), errors, null);
    }

    public GatewayException(int httpStatus, String message, Throwable cause) {
        this(httpStatus, message, List.of(), cause);
    }

    public GatewayException(int httpStatus, String message) {
        this(httpStatus, message, List.of(), null);
    }

    private GatewayException(int httpStatus, String message, List<GraphQlError> errors, @Nullable Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
    }

    /** This failure, as the last of several attempts. */
    GatewayException after(int attempts) {
        return new GatewayException(httpStatus, getMessage() + " (gave up after " + attempts + " attempts)", errors,
                this);
    }

    /** The HTTP status of the answer, {@link #NO_ANSWER} if there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The GraphQL errors, empty when the failure was not a GraphQL answer. */
    public List<GraphQlError> errors() {
        return errors;
    }

    /** Whether the gateway answered with an error of this classification (e.g. CONFLICT, FORBIDDEN). */
    public boolean isClassified(String classification) {
        return errors.stream().anyMatch(error -> classification.equals(error.classification()));
    }
}
