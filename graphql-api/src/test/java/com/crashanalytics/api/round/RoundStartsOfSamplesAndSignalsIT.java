package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sample's and a signal's round_start_timestamp (their partition key, and half of their foreign key to the round) is
 * their round's to the microsecond, however it comes: bound from the round when the round is written in the same
 * request (no per-row lookup in the insert, which PostgreSQL would plan and run once per row of a batch; a COPY when
 * the rows are many), looked up
 * when the round was stored earlier, NULL for a signal logged ahead of its round. The starts carry nanoseconds, which
 * the database rounds to the microsecond: a start bound differently from the round's own would break the foreign key.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class RoundStartsOfSamplesAndSignalsIT {

    private static final String ROUND_KEYS = "crash_game_round_keys";
    private static final Instant START = Instant.parse("2026-11-21T14:03:00.000000499Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void aBotInAnActiveSession() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc).activeSession();
    }

    /** Rounds numbered from {@code first}, each with two samples and a signal, starts a second and 0.75 µs apart. */
    private static List<Map<String, Object>> rounds(int first, int count) {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            rounds.add(with(round(n, "LOSS", "1", "1.20", null),
                    "roundStartTimestamp", START.plusSeconds(n).plusNanos(750L * n).toString(),
                    "multiplierSamples", List.of(Map.of("multiplier", "1.00"), Map.of("multiplier", "1.20")),
                    "signals", List.of(Map.of("signalType", "pre_flight", "confidenceScore", 0.6))));
        }
        return rounds;
    }

    @Test
    void theRoundsOfABatchBindTheirStartsToTheirSamplesAndSignals() {
        StatementRecorder.INSTANCE.start(false);
        ok(writePath.logRounds(rounds(1, 300)));
        List<String> inserts = insertsIntoSamplesAndSignals(StatementRecorder.INSTANCE.stop());

        // so many rows go as a COPY each (which binds every value), not as inserts the recorder sees
        assertThat(inserts).as("the samples' and the signals' inserts").isEmpty();
        for (String table : List.of("analytics_round_multipliers", "analytics_round_signals")) {
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT cmin::text) FROM " + table, Integer.class))
                    .as("the rows of %s, stored by one command", table).isEqualTo(1);
        }
        assertThat(writePath.count("analytics_round_multipliers")).isEqualTo(600);
        assertThat(writePath.count("analytics_round_signals")).isEqualTo(300);
        assertEveryStartIsItsRounds();
    }

    @Test
    void aFewRoundsSentTogetherBindTheirStartsToo() {
        StatementRecorder.INSTANCE.start(false);
        ok(writePath.logRounds(rounds(1, 3)));
        ok(writePath.logRound(rounds(4, 1).get(0)));
        List<String> inserts = insertsIntoSamplesAndSignals(StatementRecorder.INSTANCE.stop());

        assertThat(inserts).as("each request's inserts, in its one multi-statement").hasSize(4)
                .noneMatch(insert -> insert.contains(ROUND_KEYS));
        assertThat(writePath.count("analytics_round_multipliers")).isEqualTo(8);
        assertThat(writePath.count("analytics_round_signals")).isEqualTo(4);
        assertEveryStartIsItsRounds();
    }

    @Test
    void aSampleOrSignalOfARoundStoredEarlierLooksItsStartUp() {
        ok(writePath.logRound(rounds(1, 1).get(0)));

        StatementRecorder.INSTANCE.start(false);
        ok(client.execute(WritePath.LOG_MULTIPLIER, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "roundNumber", 1, "sampleIndex", 7, "multiplier", "1.10"))));
        ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "roundNumber", 1, "signalType", "late_model", "confidenceScore", 0.4))));
        List<String> inserts = insertsIntoSamplesAndSignals(StatementRecorder.INSTANCE.stop());

        assertThat(inserts).hasSize(2).allMatch(insert -> insert.contains(ROUND_KEYS));
        assertThat(writePath.count("analytics_round_multipliers")).isEqualTo(3);
        assertThat(writePath.count("analytics_round_signals")).isEqualTo(2);
        assertEveryStartIsItsRounds();
    }

    @Test
    void aSignalLoggedAheadOfItsRoundHasNoStartUntilTheRoundComes() {
        StatementRecorder.INSTANCE.start(false);
        ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "roundNumber", 1, "signalType", "early_model", "confidenceScore", 0.4))));
        List<String> inserts = insertsIntoSamplesAndSignals(StatementRecorder.INSTANCE.stop());

        assertThat(inserts).hasSize(1).noneMatch(insert -> insert.contains(ROUND_KEYS));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_signals "
                + "WHERE round_id IS NULL AND round_start_timestamp IS NULL", Integer.class)).isEqualTo(1);

        ok(writePath.logRound(rounds(1, 1).get(0)));

        assertThat(writePath.count("analytics_round_signals")).isEqualTo(2);
        assertEveryStartIsItsRounds();
    }

    /** Every sample and signal belongs to a round and carries its round's start, to the microsecond. */
    private void assertEveryStartIsItsRounds() {
        for (String table : List.of("analytics_round_multipliers", "analytics_round_signals")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " x LEFT JOIN crash_game_rounds r"
                    + " ON r.id = x.round_id AND r.round_start_timestamp = x.round_start_timestamp"
                    + " WHERE r.id IS NULL", Integer.class)).as("rows of %s without their round's start", table)
                    .isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_game_rounds"
                + " WHERE extract(microseconds FROM round_start_timestamp)::bigint % 1000000 <> 0", Integer.class))
                .as("starts kept with their fraction of a second").isPositive();
    }

    /** The INSERT statements into the samples' and signals' tables, each alone even when sent in a multi-statement. */
    private static List<String> insertsIntoSamplesAndSignals(List<StatementRecorder.Executed> executed) {
        return executed.stream().flatMap(statement -> Arrays.stream(statement.sql().split(";")))
                .map(String::strip)
                .filter(sql -> sql.startsWith("INSERT INTO analytics_round_multipliers")
                        || sql.startsWith("INSERT INTO analytics_round_signals"))
                .toList();
    }
}
