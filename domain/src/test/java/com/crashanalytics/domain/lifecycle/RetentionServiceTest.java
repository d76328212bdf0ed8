package com.crashanalytics.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.crashanalytics.domain.common.ConflictException;
import com.crashanalytics.domain.common.Transactions;
import org.junit.jupiter.api.Test;

/**
 * Retention's bookkeeping on a store of counted rows: cut-offs rounded down to the hour, batches until one comes back
 * short, rows summed per table, dirty rollups settled before any round goes, each batch its own transaction.
 */
class RetentionServiceTest {

    static final Instant NOW = Instant.parse("2026-12-04T05:47:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** 12 old rounds (each with 2 samples), 3 old errors; OCR reads kept for ever. */
    final class CountingStore implements RetentionStore {
        long rounds = 12;
        long errors = 3;
        final List<String> calls = new ArrayList<>();

        @Override
        public Map<String, Long> countOlderThan(RetainedData kind, Instant cutoff) {
            calls.add("count " + kind + " < " + cutoff);
            return kind == RetainedData.ROUNDS ? Map.of("crash_game_rounds", rounds, "analytics_round_multipliers", 2 * rounds)
                    : Map.of("error_logs", errors);
        }

        @Override
        public void settleRollupsBefore(Instant cutoff) {
            calls.add("settle < " + cutoff);
        }

        @Override
        public Map<String, Long> deleteBatchOlderThan(RetainedData kind, Instant cutoff, int limit) {
            calls.add("delete " + kind + " < " + cutoff + " (in transaction: " + transactions.open + ")");
            Map<String, Long> deleted = new LinkedHashMap<>();
            if (kind == RetainedData.ROUNDS) {
                long batch = Math.min(limit, rounds);
                rounds -= batch;
                deleted.put("crash_game_rounds", batch);
                deleted.put("analytics_round_multipliers", 2 * batch);
            } else {
                long batch = Math.min(limit, errors);
                errors -= batch;
                deleted.put("error_logs", batch);
            }
            return deleted;
        }
    }

    static final class RecordingTransactions implements Transactions {
        boolean open;
        int committed;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            open = true;
            try {
                return work.get();
            } finally {
                open = false;
                committed++;
            }
        }

        @Override
        public <T> T readOnly(Supplier<T> work) {
            return inTransaction(work);
        }
    }

    /** Month partitions of the rounds' tables: none until a test adds some. */
    final class InMemoryPartitions implements RoundPartitions {
        final java.util.TreeMap<YearMonth, Long> roundsPerMonth = new java.util.TreeMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean prepare(YearMonth month) {
            calls.add("prepare " + month + " (in transaction: " + transactions.open + ")");
            return roundsPerMonth.putIfAbsent(month, 0L) == null;
        }

        @Override
        public List<YearMonth> monthsEndingBy(Instant instant) {
            return roundsPerMonth.keySet().stream()
                    .filter(month -> !month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(instant))
                    .toList();
        }

        @Override
        public List<MonthPartition> partitionsOf(YearMonth month) {
            long rounds = roundsPerMonth.get(month);
            String suffix = "_" + month.toString().replace('-', '_');
            return List.of(new MonthPartition("crash_game_rounds", "crash_game_rounds" + suffix, rounds),
                    new MonthPartition("analytics_round_multipliers", "analytics_round_multipliers" + suffix, 2 * rounds));
        }

        @Override
        public List<MonthPartition> drop(YearMonth month) {
            calls.add("drop " + month + " (in transaction: " + transactions.open + ")");
            List<MonthPartition> dropped = partitionsOf(month);
            roundsPerMonth.remove(month);
            return dropped;
        }
    }

    final RecordingTransactions transactions = new RecordingTransactions();
    final InMemoryPartitions partitions = new InMemoryPartitions();
    final CountingStore store = new CountingStore();
    final RetentionPolicy policy = new RetentionPolicy(Map.of(RetainedData.ROUNDS, Duration.ofDays(90),
            RetainedData.ERRORS, Duration.ofDays(30), RetainedData.OCR_VALIDATIONS, Duration.ZERO), 5);
    final ExclusiveJobs free = new ExclusiveJobs() {
        @Override
        public <T> Optional<T> runAlone(String job, Supplier<T> work) {
            return Optional.of(work.get());
        }
    };

    @Test
    void cutoffsAreRoundedDownToTheHourAndAKindWithoutKeepTimeIsKeptForEver() {
        assertThat(policy.cutoff(RetainedData.ROUNDS, NOW)).hasValue(Instant.parse("2026-09-05T05:00:00Z"));
        assertThat(policy.cutoff(RetainedData.ERRORS, NOW)).hasValue(Instant.parse("2026-11-04T05:00:00Z"));
        assertThat(policy.cutoff(RetainedData.OCR_VALIDATIONS, NOW)).isEmpty();
        assertThatThrownBy(() -> new RetentionPolicy(Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRealRunDeletesInBatchesUntilOneComesBackShortAndAddsThemUpPerTable() {
        CleanupReport report = new RetentionService(policy, store, partitions, free, transactions, CLOCK).cleanup(false);

        assertThat(report.dryRun()).isFalse();
        assertThat(report.ranAt()).isEqualTo(NOW);
        assertThat(report.tables()).containsExactly(
                new TableCleanup("crash_game_rounds", Instant.parse("2026-09-05T05:00:00Z"), 12),
                new TableCleanup("analytics_round_outcomes", Instant.parse("2026-09-05T05:00:00Z"), 0),
                new TableCleanup("analytics_round_multipliers", Instant.parse("2026-09-05T05:00:00Z"), 24),
                new TableCleanup("analytics_round_signals", Instant.parse("2026-09-05T05:00:00Z"), 0),
                new TableCleanup("error_logs", Instant.parse("2026-11-04T05:00:00Z"), 3));
        // 12 rounds in batches of 5: 5, 5, 2; 3 errors: 3 (short at once). The rollups settle first.
        assertThat(store.calls).containsExactly(
                "settle < 2026-09-05T05:00:00Z",
                "delete ROUNDS < 2026-09-05T05:00:00Z (in transaction: true)",
                "delete ROUNDS < 2026-09-05T05:00:00Z (in transaction: true)",
                "delete ROUNDS < 2026-09-05T05:00:00Z (in transaction: true)",
                "delete ERRORS < 2026-11-04T05:00:00Z (in transaction: true)");
        assertThat(transactions.committed).as("one per batch, and one to settle").isEqualTo(5);
    }

    @Test
    void aDryRunOnlyCounts() {
        CleanupReport report = new RetentionService(policy, store, partitions, free, transactions, CLOCK).cleanup(true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.tables()).extracting(TableCleanup::rows).containsExactly(12L, 0L, 24L, 0L, 3L);
        assertThat(store.rounds).isEqualTo(12);
        assertThat(store.calls).allMatch(call -> call.startsWith("count"));
    }

    @Test
    void whileAnotherReplicaRunsItTheDemandIsRefusedAndTheScheduleSkips() {
        ExclusiveJobs taken = new ExclusiveJobs() {
            @Override
            public <T> Optional<T> runAlone(String job, Supplier<T> work) {
                assertThat(job).isEqualTo("retention");
                return Optional.empty();
            }
        };
        RetentionService retention = new RetentionService(policy, store, partitions, taken, transactions, CLOCK);

        assertThatThrownBy(() -> retention.cleanup(false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("running already");
        assertThat(retention.cleanupUnlessRunningElsewhere()).isEmpty();
        assertThat(store.calls).isEmpty();
    }

    @Test
    void wholeMonthsBeforeTheCutoffAreDroppedAsPartitionsAndTheRestDeletedInBatches() {
        partitions.roundsPerMonth.put(YearMonth.of(2026, 7), 100L);
        partitions.roundsPerMonth.put(YearMonth.of(2026, 8), 40L);
        partitions.roundsPerMonth.put(YearMonth.of(2026, 9), 7L); // the cut-off, 2026-09-05T05:00Z, falls in it

        CleanupReport dryRun = new RetentionService(policy, store, partitions, free, transactions, CLOCK).cleanup(true);
        assertThat(dryRun.tables().get(0)).isEqualTo(new TableCleanup("crash_game_rounds",
                Instant.parse("2026-09-05T05:00:00Z"), 12, List.of("crash_game_rounds_2026_07", "crash_game_rounds_2026_08")));
        assertThat(partitions.roundsPerMonth).hasSize(3);
        store.calls.clear();

        CleanupReport report = new RetentionService(policy, store, partitions, free, transactions, CLOCK).cleanup(false);

        // 140 rounds in the dropped months plus the store's 12 deleted row by row; samples twice that.
        assertThat(report.tables()).startsWith(
                new TableCleanup("crash_game_rounds", Instant.parse("2026-09-05T05:00:00Z"), 152,
                        List.of("crash_game_rounds_2026_07", "crash_game_rounds_2026_08")),
                new TableCleanup("analytics_round_outcomes", Instant.parse("2026-09-05T05:00:00Z"), 0),
                new TableCleanup("analytics_round_multipliers", Instant.parse("2026-09-05T05:00:00Z"), 304,
                        List.of("analytics_round_multipliers_2026_07", "analytics_round_multipliers_2026_08")));
        assertThat(partitions.roundsPerMonth).containsOnlyKeys(YearMonth.of(2026, 9));
        assertThat(partitions.calls).containsExactly("drop 2026-07 (in transaction: true)", "drop 2026-08 (in transaction: true)");
        assertThat(store.calls.indexOf("settle < 2026-09-05T05:00:00Z")).as("settled before anything goes").isZero();
    }

    @Test
    void partitionsArePreparedFromTheCutoffMonthThroughTheMonthsAheadEachInItsOwnTransaction() {
        partitions.roundsPerMonth.put(YearMonth.of(2026, 12), 5L);
        RetentionService retention = new RetentionService(policy, store, partitions, free, transactions, CLOCK);

        assertThat(retention.preparePartitions()).containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10),
                YearMonth.of(2026, 11), YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3));
        assertThat(partitions.calls).hasSize(7).allMatch(call -> call.endsWith("(in transaction: true)"));
        assertThat(retention.preparePartitions()).as("nothing left to create").isEmpty();

        RetentionPolicy keptForEver = new RetentionPolicy(Map.of(), 5, 0);
        assertThat(keptForEver.partitionMonths(NOW)).containsExactly(YearMonth.of(2026, 12));
        assertThatThrownBy(() -> new RetentionPolicy(Map.of(), 5, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScheduledRunPreparesTheMonthsAheadBeforeItCleansUp() {
        new RetentionService(policy, store, partitions, free, transactions, CLOCK).cleanupUnlessRunningElsewhere();

        assertThat(partitions.calls).first().isEqualTo("prepare 2026-09 (in transaction: true)");
        assertThat(partitions.roundsPerMonth.lastKey()).isEqualTo(YearMonth.of(2027, 3));
    }
}
