package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A deposit or withdrawal a bot reported for one of its sessions: capital, never P/L (a row of {@code capital_events}).
 *
 * @param amount             a positive magnitude; {@link #signedAmount()} says which way it moved
 * @param occurredAt         when the money moved; it counts before every round starting at or after it
 * @param contentFingerprint the event as submitted, to tell a retry from a conflicting reuse of its id
 */
public record CapitalEvent(UUID id, String botId, String sessionId, String clientEventId, CapitalEventKind kind,
                           BigDecimal amount, Instant occurredAt, @Nullable String note, String contentFingerprint) {

    /** + for a deposit, − for a withdrawal. */
    public BigDecimal signedAmount() {
        return kind == CapitalEventKind.DEPOSIT ? amount : amount.negate();
    }
}
