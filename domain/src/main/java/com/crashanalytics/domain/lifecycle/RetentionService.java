package com.crashanalytics.domain.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.Transactions;

/**
 * Retention: per kind of data, the rows older than its keep time go, under a lock that keeps a second replica from
 * running the same clean-up. Rounds' months that lie wholly before the cut-off are dropped as partitions (one short
 * transaction per month); what is left before the cut-off (the month the cut-off falls in, the default partition) and
 * the other kinds are deleted in batches of one short transaction each, so a bot's write never waits long behind a
 * clean-up. The rollups are left as they are, so all-time figures survive the rounds they were counted from.
 */
public final class RetentionService implements CleanupOldRecordsUseCase, PrepareRoundPartitionsUseCase {

    static final String JOB = "retention";

    private final RetentionPolicy policy;
    private final RetentionStore store;
    private final RoundPartitions partitions;
    private final ExclusiveJobs jobs;
    private final Transactions transactions;
    private final Clock clock;

    public RetentionService(RetentionPolicy policy, RetentionStore store, RoundPartitions partitions, ExclusiveJobs jobs,
                            Transactions transactions, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.partitions = partitions;
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

    /** The scheduled run also prepares the months ahead, so a month's partitions exist before its first round. */
    @Override
    public Optional<CleanupReport> cleanupUnlessRunningElsewhere() {
        Instant now = clock.instant();
        return jobs.runAlone(JOB, () -> {
            preparePartitions();
            return new CleanupReport(false, now, deleted(now));
        });
    }

    @Override
    public List<YearMonth> preparePartitions() {
        List<YearMonth> created = new ArrayList<>();
        for (YearMonth month : policy.partitionMonths(clock.instant())) {
            if (transactions.inTransaction(() -> partitions.prepare(month))) {
                created.add(month);
            }
        }
        return created;
    }

    /** Rows per table of every kind that has a keep time, in {@link RetainedData} order. */
    private List<TableCleanup> counted(Instant now) {
        List<TableCleanup> tables = new ArrayList<>();
        for (RetainedData kind : RetainedData.values()) {
            policy.cutoff(kind, now).ifPresent(cutoff -> {
                Map<String, Long> rows = store.countOlderThan(kind, cutoff);
                Map<String, List<String>> dropped = new LinkedHashMap<>();
                if (kind == RetainedData.ROUNDS) {
                    partitions.monthsEndingBy(cutoff).forEach(month ->
                            partitions.partitionsOf(month).forEach(partition -> named(dropped, partition)));
                }
                tables.addAll(perTable(kind, cutoff, rows, dropped));
            });
        }
        return tables;
    }

    private List<TableCleanup> deleted(Instant now) {
        List<TableCleanup> tables = new ArrayList<>();
        for (RetainedData kind : RetainedData.values()) {
            policy.cutoff(kind, now).ifPresent(cutoff -> {
                Map<String, Long> rows = new LinkedHashMap<>();
                Map<String, List<String>> dropped = new LinkedHashMap<>();
                if (kind == RetainedData.ROUNDS) {
                    List<YearMonth> wholeMonths = transactions.inTransaction(() -> {
                        store.settleRollupsBefore(cutoff);
                        return partitions.monthsEndingBy(cutoff);
                    });
                    for (YearMonth month : wholeMonths) {
                        transactions.inTransaction(() -> partitions.drop(month)).forEach(partition -> {
                            named(dropped, partition);
                            rows.merge(partition.table(), partition.rows(), Long::sum);
                        });
                    }
                }
                deleteInBatches(kind, cutoff).forEach((table, deleted) -> rows.merge(table, deleted, Long::sum));
                tables.addAll(perTable(kind, cutoff, rows, dropped));
            });
        }
        return tables;
    }

    private static void named(Map<String, List<String>> dropped, MonthPartition partition) {
        dropped.computeIfAbsent(partition.table(), table -> new ArrayList<>()).add(partition.partition());
    }

    private static List<TableCleanup> perTable(RetainedData kind, Instant cutoff, Map<String, Long> rows,
                                               Map<String, List<String>> dropped) {
        return kind.tables().stream()
                .map(table -> new TableCleanup(table, cutoff, rows.getOrDefault(table, 0L),
                        dropped.getOrDefault(table, List.of())))
                .toList();
    }

    private Map<String, Long> deleteInBatches(RetainedData kind, Instant cutoff) {
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
