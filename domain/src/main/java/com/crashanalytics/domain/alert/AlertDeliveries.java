package com.crashanalytics.domain.alert;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: the durable queue and log of alert deliveries. */
public interface AlertDeliveries {

    /** A delivery due at {@code now}, in the raising transaction. */
    void enqueue(long alertId, String channel, UUID idempotencyKey, Instant now);

    /**
     * Claims the oldest delivery due at {@code dueBy}: counts the attempt and moves its next attempt to
     * {@code leaseUntil}, so no other replica takes it meanwhile and, should this one die while sending, it is
     * tried again then. Skips deliveries another transaction is claiming.
     */
    Optional<Claimed> claimDue(Instant dueBy, Instant leaseUntil);

    void markSent(long deliveryId, Instant at);

    void scheduleRetry(long deliveryId, Instant nextAttemptAt, String error, Instant at);

    void markFailed(long deliveryId, String error, Instant at);

    /** A delivery claimed for an attempt, with the alert it carries. */
    record Claimed(AlertDelivery delivery, Alert alert) {
    }
}
