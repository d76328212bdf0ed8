package com.crashanalytics.domain.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import com.crashanalytics.domain.alert.AlertChannels.Attempt;
import com.crashanalytics.domain.alert.AlertDeliveries.Claimed;
import com.crashanalytics.domain.common.Transactions;

/**
 * Delivers alerts at least once. Each attempt is claimed in its own short transaction (the attempt is counted and
 * the delivery leased until {@code lease} from now, so other replicas leave it alone), sent outside any transaction,
 * and its result recorded in another: SENT (never sent again), a retry after the backoff, or FAILED after the last
 * attempt. A replica that dies between sending and recording leaves the lease to expire, and the delivery is sent
 * again with the same idempotency key: the receiver's cue that it is the same alert.
 */
public final class AlertDeliveryService implements DeliverAlertsUseCase {

    private final AlertDeliveries deliveries;
    private final AlertChannels channels;
    private final RetryBackoff backoff;
    private final Duration lease;
    private final Transactions transactions;
    private final Clock clock;
    private final DoubleSupplier random;

    public AlertDeliveryService(AlertDeliveries deliveries, AlertChannels channels, RetryBackoff backoff,
                                Duration lease, Transactions transactions, Clock clock, DoubleSupplier random) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.backoff = backoff;
        this.lease = lease;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public int deliverDue(int max) {
        // Due at the start of the run: a retry scheduled during the run waits for the next one, so one run tries
        // each delivery once at most.
        Instant runStart = clock.instant();
        int attempted = 0;
        while (attempted < max) {
            Instant now = clock.instant();
            Optional<Claimed> claimed = transactions.inTransaction(() -> deliveries.claimDue(runStart, now.plus(lease)));
            if (claimed.isEmpty()) {
                break;
            }
            attempt(claimed.get());
            attempted++;
        }
        return attempted;
    }

    private void attempt(Claimed claimed) {
        AlertDelivery delivery = claimed.delivery();
        Attempt attempt;
        try {
            attempt = channels.send(delivery.channel(), claimed.alert(), delivery.idempotencyKey().toString());
        } catch (RuntimeException unexpected) {
            attempt = Attempt.failed(unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage());
        }
        Instant at = clock.instant();
        String error = attempt.error() == null ? "failed" : attempt.error();
        if (attempt.delivered()) {
            transactions.inTransaction(() -> {
                deliveries.markSent(delivery.id(), at);
                return null;
            });
        } else if (backoff.givesUpAfter(delivery.attempts())) {
            transactions.inTransaction(() -> {
                deliveries.markFailed(delivery.id(), error, at);
                return null;
            });
        } else {
            Instant next = at.plus(backoff.delayAfter(delivery.attempts(), random));
            transactions.inTransaction(() -> {
                deliveries.scheduleRetry(delivery.id(), next, error, at);
                return null;
            });
        }
    }
}
