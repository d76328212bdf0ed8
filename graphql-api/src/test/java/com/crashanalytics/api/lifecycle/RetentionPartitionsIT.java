package com.crashanalytics.api.lifecycle;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code cleanupOldRecords} over HTTP on the month partitions (changelog 0300), rounds kept 90 days (the default). The
 * fixture, logged through the API in one session:
 * <pre>
 *  #  outcome  stake  P/L      when                                   partition        samples  signals
 *  1  WIN        10    5.00    the month 150 days ago                 that month's     2        1
 *  2  LOSS       20  -20.00    the same month, an hour later          that month's     1        0
 *  3  WIN        10   10.00    the same month, two hours later        that month's     0        1
 *  4  LOSS      100 -100.00    2019-03-15, no partition of its own    default          0        0
 *  5  LOSS       10  -10.00    2 hours before the cut-off             the cut-off's    1        0
 *  6  WIN        25   75.00    a day ago                              this month's     1        1
 * </pre>
 * The month 150 days ago ends before the cut-off (now − 90 days, to the hour), so it goes as partitions: 3 rounds,
 * 3 outcomes, 3 samples, 2 signals. Rounds 4 and 5 are older than the cut-off too but share their partition with
 * rows that are not (or have none of their own): they are deleted row by row. Round 6 stays. Bot.statistics over all
 * time: 6 rounds, 3 wins, 3 losses, P/L −40.00, largest loss 100.00, before and after.
 */
@GatewayIntegrationTest
class RetentionPartitionsIT {

    static final String CLEANUP = """
            mutation($dryRun: Boolean) { cleanupOldRecords(dryRun: $dryRun) {
              dryRun tables { table olderThan rows droppedPartitions } } }""";

    static final List<String> ROUND_TABLES = List.of("crash_game_rounds", "analytics_round_outcomes",
            "analytics_round_multipliers", "analytics_round_signals");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writes;
    YearMonth oldMonth;

    @BeforeEach
    void logTheFixture() {
        client = new GraphQlClient(port);
        writes = new WritePath(client, jdbc);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant cutoff = now.minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.HOURS);
        oldMonth = YearMonth.from(now.minus(Duration.ofDays(150)).atOffset(ZoneOffset.UTC));
        // Months that old get no partition from the gateway (it prepares them from the cut-off's month on): as an
        // installation converted by 0300 has them for the months its rounds were in.
        jdbc.queryForObject("SELECT prepare_round_partitions(?)", Boolean.class, oldMonth.atDay(1));
        Instant inOldMonth = oldMonth.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC);

        writes.registerBot(BOT);
        writes.configurePlatform("aviator", "dafabet");
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "gameName", "aviator", "platformCode", "dafabet", "initialBalance", "1000.00",
                "startTime", "2019-03-01T00:00:00Z"))));
        ok(writes.logRounds(List.of(
                at(with(round(1, "WIN", "10", "2.10", "1.50"), "multiplierSamples",
                        List.of(Map.of("multiplier", "1.20"), Map.of("multiplier", "1.50")),
                        "signals", List.of(Map.of("signalType", "ml", "confidenceScore", 0.7))), inOldMonth),
                at(with(round(2, "LOSS", "20", "1.10", null), "multiplierSamples", List.of(Map.of("multiplier", "1.10"))),
                        inOldMonth.plus(Duration.ofHours(1))),
                at(with(round(3, "WIN", "10", "3.00", "2.00"), "signals",
                        List.of(Map.of("signalType", "ml", "confidenceScore", 0.6))), inOldMonth.plus(Duration.ofHours(2))),
                at(round(4, "LOSS", "100", "1.00", null), Instant.parse("2019-03-15T12:00:00Z")),
                at(with(round(5, "LOSS", "10", "1.05", null), "multiplierSamples", List.of(Map.of("multiplier", "1.05"))),
                        cutoff.minus(Duration.ofHours(2))),
                at(with(round(6, "WIN", "25", "10.00", "4.00"), "multiplierSamples", List.of(Map.of("multiplier", "4.00")),
                        "signals", List.of(Map.of("signalType", "ml", "confidenceScore", 0.9))),
                        now.minus(Duration.ofDays(1))))));
        ok(client.execute("mutation($input: LogErrorInput!) { logError(input: $input) { duplicate } }",
                Map.of("input", Map.of("botId", BOT, "sessionId", SESSION, "roundNumber", 2, "errorType", "ocr_timeout",
                        "timestamp", now.minus(Duration.ofHours(1)).toString()))));
    }

    private static Map<String, Object> at(Map<String, Object> round, Instant start) {
        return with(round, "roundStartTimestamp", start.toString());
    }

    @Test
    void theOldMonthGoesAsPartitionsTheRestRowByRowAndTheAllTimeFiguresStay() {
        assertThat(partitionOf(1)).isEqualTo("crash_game_rounds_" + suffix());
        assertThat(partitionOf(4)).isEqualTo("crash_game_rounds_default");
        JsonNode allTimeBefore = ok(client.execute(RetentionIT.ALL_TIME, Map.of("botId", BOT))).data("bot");
        assertThat(allTimeBefore.at("/statistics/rounds").asInt()).isEqualTo(6);
        assertThat(allTimeBefore.at("/statistics/totalProfitLoss").decimalValue()).isEqualByComparingTo("-40.00");
        assertThat(allTimeBefore.at("/statistics/largestLoss").decimalValue()).isEqualByComparingTo("100.00");
        List<String> crashRollupBefore = crashRollup();

        JsonNode dryRun = ok(client.execute(CLEANUP, Map.of("dryRun", true))).data("cleanupOldRecords");

        assertThat(roundTables(dryRun)).isEqualTo(expectedRoundTables());
        for (String table : ROUND_TABLES) {
            assertThat(exists(table + "_" + suffix())).as("a dry run drops nothing: " + table).isTrue();
        }
        assertThat(writes.count("crash_game_rounds")).isEqualTo(6);

        JsonNode report = ok(client.execute(CLEANUP, Map.of("dryRun", false))).data("cleanupOldRecords");

        assertThat(roundTables(report)).isEqualTo(expectedRoundTables());
        for (String table : ROUND_TABLES) {
            assertThat(exists(table + "_" + suffix())).as(table + "'s old month is gone").isFalse();
        }
        assertThat(jdbc.queryForList("SELECT round_number FROM crash_game_rounds", Integer.class)).containsExactly(6);
        assertThat(jdbc.queryForList("SELECT round_number FROM crash_game_round_keys", Integer.class))
                .as("the keys went with their rounds").containsExactly(6);
        assertThat(writes.count("analytics_round_outcomes")).isEqualTo(1);
        assertThat(writes.count("analytics_round_multipliers")).isEqualTo(1);
        assertThat(writes.count("analytics_round_signals")).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT round_number, round_id FROM error_logs"))
                .as("the error stays and keeps its round's number, not the link").containsEntry("round_number", 2)
                .containsEntry("round_id", null);

        assertThat(ok(client.execute(RetentionIT.ALL_TIME, Map.of("botId", BOT))).data("bot")).isEqualTo(allTimeBefore);
        assertThat(crashRollup()).isEqualTo(crashRollupBefore);

        JsonNode again = ok(client.execute(CLEANUP, Map.of("dryRun", false))).data("cleanupOldRecords");
        again.get("tables").forEach(table -> {
            assertThat(table.get("rows").asLong()).as(table.toString()).isZero();
            assertThat(table.get("droppedPartitions")).as(table.toString()).isEmpty();
        });
    }

    @Test
    void aRoundLoggedIntoADroppedMonthLaterLandsInTheDefaultPartition() {
        ok(client.execute(CLEANUP, Map.of("dryRun", false)));

        ok(writes.logRounds(List.of(at(round(7, "LOSS", "10", "1.50", null),
                oldMonth.atDay(20).atStartOfDay().toInstant(ZoneOffset.UTC)))));

        assertThat(partitionOf(7)).isEqualTo("crash_game_rounds_default");
    }

    /** Per round table: rows and dropped partitions, as the report gives them. */
    private static Map<String, String> roundTables(JsonNode report) {
        Map<String, String> tables = new LinkedHashMap<>();
        report.get("tables").forEach(table -> {
            if (ROUND_TABLES.contains(table.get("table").asString())) {
                List<String> dropped = new ArrayList<>();
                table.get("droppedPartitions").forEach(name -> dropped.add(name.asString()));
                tables.put(table.get("table").asString(), table.get("rows").asLong() + " " + dropped);
            }
        });
        return tables;
    }

    /** 3 + 2 rows dropped row by row for rounds (4 and 5), outcomes alike; samples 3 + 1; signals 2 + 0. */
    private Map<String, String> expectedRoundTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("crash_game_rounds", "5 [crash_game_rounds_" + suffix() + "]");
        tables.put("analytics_round_outcomes", "5 [analytics_round_outcomes_" + suffix() + "]");
        tables.put("analytics_round_multipliers", "4 [analytics_round_multipliers_" + suffix() + "]");
        tables.put("analytics_round_signals", "2 [analytics_round_signals_" + suffix() + "]");
        return tables;
    }

    private String suffix() {
        return oldMonth.toString().replace('-', '_');
    }

    private String partitionOf(int roundNumber) {
        return jdbc.queryForObject("SELECT tableoid::regclass::text FROM crash_game_rounds WHERE round_number = ?",
                String.class, roundNumber);
    }

    private boolean exists(String table) {
        return jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table);
    }

    private List<String> crashRollup() {
        return jdbc.queryForList("SELECT to_jsonb(t)::text FROM game_round_crash_counts t ORDER BY 1", String.class);
    }
}
