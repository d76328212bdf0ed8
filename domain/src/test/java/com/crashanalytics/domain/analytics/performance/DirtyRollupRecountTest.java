package com.crashanalytics.domain.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.crashanalytics.domain.analytics.performance.DirtyRollups.DirtyRollup;
import com.crashanalytics.domain.analytics.performance.DirtyRollups.Rollup;
import com.crashanalytics.domain.common.DirectTransactions;
import org.junit.jupiter.api.Test;

/**
 * The recount of dirty rollups: only those whose rounds started more than the grace before now, oldest first, a batch
 * at a time, each in a transaction of its own holding the job's lock, and nothing once another replica holds it.
 */
class DirtyRollupRecountTest {

    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final InMemoryDirtyRollups rollups = new InMemoryDirtyRollups();
    private final DirectTransactions transactions = new DirectTransactions();
    private int locksGranted = Integer.MAX_VALUE;
    private int locksAsked;

    private DirtyRollupRecount recount(int batchSize) {
        return new DirtyRollupRecount(rollups, job -> {
            assertThat(job).isEqualTo(DirtyRollupRecount.JOB);
            return ++locksAsked <= locksGranted;
        }, transactions, GRACE, batchSize);
    }

    @Test
    void recountsOnlyWhatSettledMoreThanTheGraceAgoOldestFirst() {
        DirtyRollup hourBefore = rollups.dirtyHour(Rollup.STRATEGY_EQUITY_HOUR, "flat_2x", NOW.minusSeconds(7200));
        rollups.dirtyHour(Rollup.STRATEGY_EQUITY_HOUR, "flat_2x", NOW.minusSeconds(3600)); // ended now: not for the grace
        DirtyRollup lastWeek = rollups.dirtyHour(Rollup.BOT_EQUITY_HOUR, "bot-1", NOW.minus(Duration.ofDays(7)));
        DirtyRollup quietSession = rollups.dirtySession(Rollup.STRATEGY_SESSION_RUNS, "flat_2x", "s-1",
                NOW.minus(GRACE).minusSeconds(1));
        rollups.dirtySession(Rollup.BOT_SESSION_RUNS, "bot-2", "s-2", NOW.minus(GRACE)); // exactly at the grace
        rollups.dirtyHour(Rollup.BOT_EQUITY_HOUR, "bot-3", NOW.minusSeconds(600)); // this hour's: still open

        RecountDirtyRollupsUseCase.Recount pass = recount(100).recountSettled(NOW);

        assertThat(pass).isEqualTo(new RecountDirtyRollupsUseCase.Recount(true, 3));
        assertThat(rollups.recounted).containsExactly(lastWeek, hourBefore, quietSession);
        assertThat(rollups.stillDirty()).hasSize(3);
        assertThat(locksAsked).as("one transaction, with the job's lock, per rollup").isEqualTo(3);
        assertThat(transactions.opened()).as("the look-up, then one per rollup").isEqualTo(4);
    }

    @Test
    void aPassTakesABatchAndTheNextTheRest() {
        for (int hour = 1; hour <= 5; hour++) {
            rollups.dirtyHour(Rollup.STRATEGY_EQUITY_HOUR, "flat_2x", NOW.minusSeconds(3600L * (10 - hour)));
        }

        assertThat(recount(2).recountSettled(NOW).recounted()).isEqualTo(2);
        assertThat(recount(2).recountSettled(NOW).recounted()).isEqualTo(2);
        assertThat(recount(2).recountSettled(NOW).recounted()).isEqualTo(1);
        assertThat(recount(2).recountSettled(NOW)).isEqualTo(new RecountDirtyRollupsUseCase.Recount(true, 0));
        assertThat(rollups.recounted).isSortedAccordingTo(Comparator.comparing(DirtyRollup::hour));
    }

    @Test
    void stopsWhenAnotherReplicaHoldsTheJob() {
        rollups.dirtyHour(Rollup.BOT_EQUITY_HOUR, "bot-1", NOW.minus(Duration.ofDays(2)));
        rollups.dirtyHour(Rollup.BOT_EQUITY_HOUR, "bot-1", NOW.minus(Duration.ofDays(1)));
        rollups.dirtyHour(Rollup.BOT_EQUITY_HOUR, "bot-2", NOW.minus(Duration.ofDays(1)));

        locksGranted = 0;
        assertThat(recount(10).recountSettled(NOW)).isEqualTo(new RecountDirtyRollupsUseCase.Recount(false, 0));
        assertThat(rollups.recounted).isEmpty();

        locksGranted = 1; // the other replica takes the job after this replica's first rollup
        locksAsked = 0;
        assertThat(recount(10).recountSettled(NOW)).isEqualTo(new RecountDirtyRollupsUseCase.Recount(true, 1));
        assertThat(rollups.stillDirty()).hasSize(2);
    }

    @Test
    void refusesANegativeGraceOrAnEmptyBatch() {
        assertThatThrownBy(() -> new DirtyRollupRecount(rollups, job -> true, transactions, Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirtyRollupRecount(rollups, job -> true, transactions, GRACE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Dirty rollups with the time their rounds settle at: an hour's end, a session's last round. */
    private static final class InMemoryDirtyRollups implements DirtyRollups {

        private final Map<DirtyRollup, Instant> dirty = new TreeMap<>(Comparator.comparing(DirtyRollup::toString));
        final List<DirtyRollup> recounted = new ArrayList<>();

        DirtyRollup dirtyHour(Rollup rollup, String subject, Instant hour) {
            DirtyRollup row = DirtyRollup.hour(rollup, subject, hour);
            dirty.put(row, hour.plusSeconds(3600));
            return row;
        }

        DirtyRollup dirtySession(Rollup rollup, String subject, String sessionId, Instant lastRoundAt) {
            DirtyRollup row = DirtyRollup.session(rollup, subject, sessionId);
            dirty.put(row, lastRoundAt.plusNanos(1)); // settled once its last round started before the cut-off
            return row;
        }

        @Override
        public List<DirtyRollup> settledBefore(Instant settledBefore, int limit) {
            return dirty.entrySet().stream()
                    .filter(row -> !row.getValue().isAfter(settledBefore))
                    .sorted(Map.Entry.comparingByValue())
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        }

        @Override
        public void recount(DirtyRollup rollup) {
            assertThat(dirty.remove(rollup)).as("recounts only what is dirty").isNotNull();
            recounted.add(rollup);
        }

        List<DirtyRollup> stillDirty() {
            return List.copyOf(dirty.keySet());
        }
    }
}
