package com.crashanalytics.domain.analytics.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.analytics.performance.DirtyRollups.DirtyRollup;
import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;

/**
 * Recounts the dirty rollups ({@link DirtyRollups}) of hours and sessions whose rounds started more than
 * {@code grace} ago: rounds arrive within seconds of being played, so those are done (a round later still leaves its
 * rollup dirty again, and a later pass recounts it). Until recounted, every read of a strategy's or bot's all-time
 * drawdowns and runs folds their rounds: issue 14 measured {@code strategies { performance }} at 1,000,000 rounds at
 * 125 ms with 50 dirty hours of one strategy (31,000 rounds) and 42 ms with none.
 * <p>
 * Each rollup is recounted in a transaction of its own, on one replica at a time (the job's lock is taken in each):
 * the job holds one rollup's row at a time and waits for nothing while holding it, so it cannot deadlock with round
 * writers, whose shared transactions lock the rows of several subjects in no common order. A pass takes at most
 * {@code batchSize} rollups (the oldest first); the next takes the rest.
 */
public final class DirtyRollupRecount implements RecountDirtyRollupsUseCase {

    /** The name of the job's lock, the same on every replica. */
    public static final String JOB = "recount-dirty-rollups";

    private final DirtyRollups rollups;
    private final ScheduledWorkLock lock;
    private final Transactions transactions;
    private final Duration grace;
    private final int batchSize;

    public DirtyRollupRecount(DirtyRollups rollups, ScheduledWorkLock lock, Transactions transactions, Duration grace,
                              int batchSize) {
        if (grace.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("grace must not be negative and batchSize at least 1, got " + grace
                    + " and " + batchSize);
        }
        this.rollups = rollups;
        this.lock = lock;
        this.transactions = transactions;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    @Override
    public Recount recountSettled(Instant now) {
        List<DirtyRollup> settled = transactions.readOnly(() -> rollups.settledBefore(now.minus(grace), batchSize));
        int recounted = 0;
        for (DirtyRollup rollup : settled) {
            boolean held = transactions.inTransaction(() -> {
                if (!lock.tryHoldForTransaction(JOB)) {
                    return false;
                }
                rollups.recount(rollup);
                return true;
            });
            if (!held) {
                return new Recount(recounted > 0, recounted);
            }
            recounted++;
        }
        return new Recount(true, recounted);
    }
}
