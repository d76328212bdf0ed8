package com.crashanalytics.domain.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.Transactions;

/**
 * Retention: per kind of data, the rows older than its keep time go, in batches of one short transaction each (a
 * bot's write never waits long behind a clean-up), under a lock that keeps a second replica from running the same
 * clean-up. The rollups are left as they are, so all-time figures survive the rounds they were counted from.
 */
public final class RetentionService implements CleanupOldRecordsUseCase {

    static final String JOB = "retention";

    private final RetentionPolicy policy;
    private final RetentionStore store;
    private final ExclusiveJobs jobs;
    private final Transactions transactions;
    private final Clock clock;

    public RetentionService(RetentionPolicy policy, RetentionStore store, ExclusiveJobs jobs, Transactions transactions,
                            Clock clock) {
        this.policy = policy;
        this.store = store;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CleanupReport cleanup(boolean dryRun) {
        Instant now = clock.instant();
        if (dryRun) {
            return transactions.readOnly(() -> new CleanupReport(true, now, counted(now)));
        }
        return jobs.runAlone(JOB, () -> new CleanupReport(false, now, deleted(now)))
                .orElseThrow(() -> new ConflictException("dryRun",
                        "a clean-up is running already (on this or another gateway); try again when it has finished"));
    }

    @Override
    public Optional<CleanupReport> cleanupUnlessRunningElsewhere() {
        Instant now = clock.instant();
        return jobs.runAlone(JOB, () -> new CleanupReport(false, now, deleted(now)));
    }

    private List<TableCleanup> counted(Instant now) {
        return perTable(now, store::countOlderThan);
    }

    private List<TableCleanup> deleted(Instant now) {
        return perTable(now, this::deleteAll);
    }

    /** Rows per table of every kind that has a keep time, in {@link RetainedData} order. */
    private List<TableCleanup> perTable(Instant now, BiFunction<RetainedData, Instant, Map<String, Long>> rowsOf) {
        List<TableCleanup> tables = new ArrayList<>();
        for (RetainedData kind : RetainedData.values()) {
            policy.cutoff(kind, now).ifPresent(cutoff -> {
                Map<String, Long> rows = rowsOf.apply(kind, cutoff);
                kind.tables().forEach(table -> tables.add(new TableCleanup(table, cutoff, rows.getOrDefault(table, 0L))));
            });
        }
        return tables;
    }

    private Map<String, Long> deleteAll(RetainedData kind, Instant cutoff) {
        if (kind == RetainedData.ROUNDS) {
            transactions.inTransaction(() -> {
                store.settleRollupsBefore(cutoff);
                return null;
            });
        }
        Map<String, Long> total = new LinkedHashMap<>();
        String decidingTable = kind.tables().get(0);
        long deletedNow;
        do {
            Map<String, Long> batch = transactions.inTransaction(
                    () -> store.deleteBatchOlderThan(kind, cutoff, policy.batchSize()));
            batch.forEach((table, rows) -> total.merge(table, rows, Long::sum));
            deletedNow = batch.getOrDefault(decidingTable, 0L);
        } while (deletedNow >= policy.batchSize());
        return total;
    }
}
