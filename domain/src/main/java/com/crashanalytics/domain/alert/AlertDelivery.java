package com.crashanalytics.domain.alert;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One alert to one channel, as the delivery log shows it.
 *
 * @param idempotencyKey sent with every attempt ({@code Idempotency-Key} header), the same on a retry, so a receiver
 *                       that got an attempt whose answer was lost can tell the retry is not a new alert
 * @param nextAttemptAt  when a PENDING delivery is tried next; null once SENT or FAILED
 */
public record AlertDelivery(long id, long alertId, String channel, UUID idempotencyKey, DeliveryStatus status,
                            int attempts, @Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
                            @Nullable String lastError, @Nullable Instant sentAt, Instant createdAt) {
}
