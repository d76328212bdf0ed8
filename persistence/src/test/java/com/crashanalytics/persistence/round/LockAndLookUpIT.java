package com.crashanalytics.persistence.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundLogbook.Lookup;
import com.crashanalytics.domain.round.RoundLogbook.StoredRound;
import com.crashanalytics.domain.round.Signal;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.persistence.testing.BotSessions;
import com.crashanalytics.persistence.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code lockAndLookUp} sends the session lock and the two lookups in one round trip. Correct only if the lookups
 * run after the lock is granted, on a snapshot taken then: a request that waited for a concurrent one on the same
 * session must see the round that one committed, or it would insert it again.
 */
class LockAndLookUpIT {

    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static JdbcRoundLogbook logbook;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws Exception {
        dataSource = MigratedDatabase.create("lock_and_look_up_test");
        jdbc = new JdbcTemplate(dataSource);
        logbook = new JdbcRoundLogbook(JdbcClient.create(jdbc), jdbc, Optional::empty); // no request: no author
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void aSessionWithoutRounds() {
        jdbc.execute("TRUNCATE bot_vm_registration, game_platform_config, session_logs, crash_game_rounds "
                + "RESTART IDENTITY CASCADE");
        BotSessions.insertBotWithSessions(jdbc, "s1", "s2");
    }

    @Test
    void findsTheLockedSessionsTheStoredRoundsAndTheSignalsWaitingForRoundsNotStored() {
        insertRound("s1", 1);
        insertSignal("s1", 1, "resolved_later");
        jdbc.update("UPDATE analytics_round_signals s SET round_id = r.id, round_start_timestamp = r.round_start_timestamp "
                + "FROM crash_game_rounds r WHERE s.session_id = 's1'");
        insertSignal("s1", 2, "ahead");

        Lookup lookup = transaction.execute(status -> logbook.lockAndLookUp(Set.of("s2", "s1", "unknown"),
                List.of(key("s1", 1), key("s1", 2), key("s1", 3))));

        assertThat(lookup.lockedSessions()).extracting(Session::sessionId).containsExactly("s1", "s2");
        assertThat(lookup.stored()).containsOnlyKeys(key("s1", 1));
        UUID roundId = jdbc.queryForObject("SELECT id FROM crash_game_rounds WHERE session_id = 's1'", UUID.class);
        assertThat(lookup.stored().get(key("s1", 1))).isEqualTo(new StoredRound(roundId, "f"));
        // the signal of round 1 belongs to a stored round; the one of round 2 waits for it
        assertThat(lookup.pendingSignals()).extracting(Signal::signalType).containsExactly("ahead");

        // one round (its own statement text): the same answers
        Lookup stored = transaction.execute(status -> logbook.lockAndLookUp(Set.of("s1"), List.of(key("s1", 1))));
        Lookup ahead = transaction.execute(status -> logbook.lockAndLookUp(Set.of("s1"), List.of(key("s1", 2))));
        assertThat(stored.lockedSessions()).extracting(Session::sessionId).containsExactly("s1");
        assertThat(stored.stored()).containsOnlyKeys(key("s1", 1));
        assertThat(stored.stored().get(key("s1", 1))).isEqualTo(new StoredRound(roundId, "f"));
        assertThat(stored.pendingSignals()).isEmpty();
        assertThat(ahead.stored()).isEmpty();
        assertThat(ahead.pendingSignals()).extracting(Signal::signalType).containsExactly("ahead");
    }

    /**
     * Pending signals live in the default partition (no round, so no partition key): the lookup's condition lets
     * PostgreSQL plan and read that partition alone, not every month's (the array form is planned on every call).
     */
    @Test
    void pendingSignalsAreSoughtInTheDefaultPartitionAlone() {
        jdbc.queryForObject("SELECT prepare_round_partitions(CAST(now() AS date))", Boolean.class);
        jdbc.queryForObject("SELECT prepare_round_partitions(CAST(now() + interval '1 month' AS date))", Boolean.class);
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN SELECT * FROM analytics_round_signals WHERE "
                + SignalRows.PENDING_SIGNALS + " AND bot_id = 'bot_1'", String.class));

        assertThat(plan).contains("analytics_round_signals_default").doesNotContain("analytics_round_signals_20");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_inherits "
                + "WHERE inhparent = 'analytics_round_signals'::regclass", Integer.class)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aLookUpThatWaitedForTheLockSeesWhatTheHolderCommitted() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = threads.submit(() -> transaction.executeWithoutResult(status -> {
                logbook.lockAndLookUp(Set.of("s1"), List.of(key("s1", 1)));
                insertRound("s1", 1);
                holding.countDown();
                await(release);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            Future<Lookup> waiter = threads.submit(() -> transaction.execute(
                    status -> logbook.lockAndLookUp(Set.of("s1"), List.of(key("s1", 1)))));
            awaitABackendWaitingForALock();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            assertThat(waiter.get(10, TimeUnit.SECONDS).stored()).containsOnlyKeys(key("s1", 1));
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitABackendWaitingForALock() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
                Integer.class) == 0) {
            assertThat(Instant.now()).as("a lookup waiting for the session lock").isBefore(deadline);
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void insertRound(String sessionId, int number) {
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                    round_start_timestamp, stake_value, profit_loss_amount, round_outcome, content_fingerprint)
                VALUES ('bot_1', ?, 'aviator', 'dafabet', ?, now(), 10, -10, 'LOSS', 'f')
                """, sessionId, number);
    }

    private static void insertSignal(String sessionId, int number, String type) {
        jdbc.update("""
                INSERT INTO analytics_round_signals (id, round_number, bot_id, session_id, game_name, platform_code,
                    signal_type, client_signal_id, "timestamp", confidence_score, content_fingerprint)
                VALUES (gen_random_uuid(), ?, 'bot_1', ?, 'aviator', 'dafabet', ?, '', now(), 0.9, 'f')
                """, number, sessionId, type);
    }

    private static RoundKey key(String sessionId, int number) {
        return new RoundKey("bot_1", sessionId, number);
    }
}
