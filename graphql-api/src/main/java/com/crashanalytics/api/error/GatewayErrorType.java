package com.crashanalytics.api.error;

import graphql.ErrorClassification;

/** Error classifications beyond Spring's {@code ErrorType}, reported in {@code extensions.classification}. */
public enum GatewayErrorType implements ErrorClassification {
    /** The request contradicts stored data (a retry with different content, a round for an ended session). */
    CONFLICT,
    /** The client sent too much too fast; {@code extensions.retryAfterSeconds} says when to try again. */
    TOO_MANY_REQUESTS,
    /** A read ran longer than the read statement timeout and PostgreSQL cancelled it; ask for less. */
    TIMEOUT,
    /**
     * The database is away (restarting, failing over, out of connections): nothing of the request was applied, and
     * the same request may be sent again after {@code extensions.retryAfterSeconds} (HTTP 503 with Retry-After).
     */
    UNAVAILABLE,
    /**
     * A subscription read slower than events came and its buffer overflowed: it ends, and the client subscribes again
     * with {@code after: extensions.resumeAfter} to continue without missing an event.
     */
    SUBSCRIBER_TOO_SLOW,
    /**
     * A subscription resumed from an event id older than what the gateway still keeps: events were missed; reload the
     * state with queries and subscribe from {@code extensions.forgottenThrough} or from now.
     */
    RESUME_EXPIRED
}
