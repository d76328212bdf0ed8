package com.crashanalytics.simulator.gateway;

import java.time.Duration;

/**
 * How a client retries, as a bot should. A request the gateway refused for the rate limit, or answered UNAVAILABLE
 * because its database was away, ran nothing: it waits the {@code retryAfterSeconds} the gateway asked for and sends
 * it again, for at most {@code maxRateLimitWait} in all. A request that got no answer (a network error, a timeout) or a server failure may or may not have run: it
 * is sent again, unchanged, only when it is idempotent (the gateway then answers {@code duplicate: true}), after
 * a backoff doubling from {@code firstBackoff} up to {@code maxBackoff}, for at most {@code maxAttempts} attempts.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRateLimitWait) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, got " + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative and maxBackoff at least firstBackoff");
        }
    }

    /** The wait before attempt {@code failures + 1}, after {@code failures} failed attempts (1, 2, ...). */
    Duration backoffAfter(int failures) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < failures && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
