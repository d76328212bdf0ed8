package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Money a bot moved into (a deposit, positive) or out of (a withdrawal, negative) a session's bankroll at an instant:
 * capital, never P/L. It counts in the session's equity before every round that starts at or after it.
 *
 * @param sessionId  the session whose bankroll it moved
 * @param occurredAt when
 * @param amount     signed: + deposit, − withdrawal
 */
public record CapitalFlow(String sessionId, Instant occurredAt, BigDecimal amount) {

    public CapitalFlow {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(amount, "amount");
    }
}
