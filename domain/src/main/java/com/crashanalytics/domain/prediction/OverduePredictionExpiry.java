package com.crashanalytics.domain.prediction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;
import com.crashanalytics.domain.live.EventJournal;

/**
 * Judges the predictions still PENDING {@code grace} after their deadline. A prediction is normally judged by the
 * transaction that logs its deciding round (see {@link PredictionService}); when the game's rounds stop, no such
 * round comes. The grace leaves room for rounds that played before the deadline but are logged late (a bot's
 * retries, a restart): until it passes, they can still decide it.
 * <p>
 * One pass is one transaction, on one replica at a time, judging at most {@code batchSize} predictions (the next pass
 * takes the rest). It locks them skipping any a round-logging transaction is judging at that moment (that one wins;
 * the verdict store keeps only the first verdict anyway), and never waits for a game's writers, so it cannot deadlock
 * with them. Each verdict is announced as a live event in the same transaction.
 */
public final class OverduePredictionExpiry implements ExpireOverduePredictionsUseCase {

    /** The name of the job's lock, the same on every replica. */
    public static final String JOB = "expire-overdue-predictions";

    private final PredictionBook book;
    private final EventJournal events;
    private final ScheduledWorkLock lock;
    private final Transactions transactions;
    private final Duration grace;
    private final int batchSize;

    public OverduePredictionExpiry(PredictionBook book, EventJournal events, ScheduledWorkLock lock,
                                   Transactions transactions, Duration grace, int batchSize) {
        if (grace.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("grace must not be negative and batchSize at least 1, got " + grace
                    + " and " + batchSize);
        }
        this.book = book;
        this.events = events;
        this.lock = lock;
        this.transactions = transactions;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    @Override
    public Expiry expire(Instant now) {
        return transactions.inTransaction(() -> {
            if (!lock.tryHoldForTransaction(JOB)) {
                return Expiry.skipped();
            }
            List<Prediction> verdicts = book.lockOverdue(now.minus(grace), batchSize).stream()
                    .flatMap(pending -> pending.prediction().judgedAfterDeadline(pending.roundsAfter(), now).stream())
                    .toList();
            if (!verdicts.isEmpty()) {
                book.recordVerdicts(verdicts);
                events.appendAll(PredictionEvents.judged(verdicts));
            }
            return new Expiry(true, verdicts);
        });
    }
}
