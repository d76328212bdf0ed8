package com.crashanalytics.simulator.gateway;

import java.util.List;
import java.util.stream.Collectors;

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
        super(errors.stream().map(GraphQlError::message).collect(Collectors.joining("; ")));
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
    }

    public GatewayException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errors = List.of();
    }

    public GatewayException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errors = List.of();
    }

    /** The HTTP status of the answer, {@link #NO_ANSWER} if there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The GraphQL errors, empty when the failure was not a GraphQL answer. */
    public List<GraphQlError> errors() {
        return errors;
    }
}
