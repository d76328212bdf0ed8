package com.crashanalytics.api.lifecycle;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code cleanupOldRecords} over HTTP with the default keep times (rounds 90 days, errors and OCR reads 30 days), on a
 * hand-made fixture logged through the API: one session started 101 days ago whose rounds 1–4 are 100 days old and
 * rounds 5–7 a day old, and errors and OCR reads 40 days and a day old.
 * <pre>
 *  #  outcome  stake  P/L     age        samples  signals
 *  1  WIN        10    5.00   100 days   2        1
 *  2  LOSS       20  -20.00   100 days   1        0
 *  3  WIN        10   10.00   100 days   0        1
 *  4  LOSS      100 -100.00   100 days   0        0
 *  5  WIN        25   75.00   1 day      1        1
 *  6  SKIP        0    0      1 day      0        0
 *  7  LOSS       10  -10.00   1 day      0        0
 * </pre>
 * The old rows: 4 rounds, 4 outcomes, 3 samples, 2 signals; 1 error and 1 OCR read of 40 days. Bot.statistics over
 * all time: 7 rounds, 3 wins, 3 losses, P/L −40.00, largest loss 100.00; all of it must survive the clean-up.
 */
@GatewayIntegrationTest
class RetentionIT {

    static final String CLEANUP = """
            mutation($dryRun: Boolean) { cleanupOldRecords(dryRun: $dryRun) { dryRun ranAt tables { table olderThan rows } } }""";

    /** The all-time figures that the rollups and the sessions' totals keep (see the schema's cleanupOldRecords). */
    static final String ALL_TIME = """
            query($botId: ID!) { bot(botId: $botId) {
              statistics { rounds wins losses skips errors winRate totalStaked totalProfitLoss roiPercent grossWin grossLoss
                           profitFactor largestWin largestLoss bets perBetSharpeRatio perBetSortinoRatio
                           longestWinStreak longestLossStreak firstRoundAt lastRoundAt
                           maxDrawdown { amount peakAt troughAt } currentDrawdown { amount } }
              sessions(first: 5) { edges { node { totals { totalRounds wins losses skips totalStaked totalProfitLoss
                largestWin largestLoss currentBalance peakBalance maxDrawdown longestWinStreak longestLossStreak } } } } } }""";

    /** Figures read from the rounds themselves: after a clean-up they cover the retained rounds only. */
    static final String RETAINED_WINDOW = """
            query($botId: ID!) { bot(botId: $botId) {
              statistics { equityRounds }
              sessions(first: 5) { edges { node { summary { rounds totalProfitLoss largestLoss } } } } } }""";

    /**
     * The old rounds' days, crash multipliers included: whole hours, which come from the hourly totals (changeset
     * 0510), so a chart of them outlives the rounds.
     */
    static final String OLD_DAYS = """
            query($window: TimeWindow!) { timeSeries(window: $window, bucket: DAY, groupBy: BOT) {
              time rounds profitLoss averageCrashMultiplier lowestCrashMultiplier highestCrashMultiplier } }""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    GraphQlClient client;
    WritePath writes;
    Instant now;

    @BeforeEach
    void logTheFixture() {
        client = new GraphQlClient(port);
        writes = new WritePath(client, jdbc);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant old = now.minus(Duration.ofDays(100));
        Instant recent = now.minus(Duration.ofDays(1));
        writes.registerBot(BOT);
        writes.configurePlatform("aviator", "dafabet");
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "gameName", "aviator", "platformCode", "dafabet", "initialBalance", "1000.00",
                "startTime", now.minus(Duration.ofDays(101)).toString()))));
        ok(writes.logRounds(List.of(
                at(with(round(1, "WIN", "10", "2.10", "1.50"), "multiplierSamples",
                        List.of(Map.of("multiplier", "1.20"), Map.of("multiplier", "1.50")),
                        "signals", List.of(Map.of("signalType", "ml", "confidenceScore", 0.7))), old, 0),
                at(with(round(2, "LOSS", "20", "1.10", null), "multiplierSamples", List.of(Map.of("multiplier", "1.10"))),
                        old, 1),
                at(with(round(3, "WIN", "10", "3.00", "2.00"), "signals",
                        List.of(Map.of("signalType", "ml", "confidenceScore", 0.6))), old, 2),
                at(round(4, "LOSS", "100", "1.00", null), old, 3),
                at(with(round(5, "WIN", "25", "10.00", "4.00"), "multiplierSamples", List.of(Map.of("multiplier", "4.00")),
                        "signals", List.of(Map.of("signalType", "ml", "confidenceScore", 0.9))), recent, 0),
                at(round(6, "SKIP", null, "1.50", null), recent, 1),
                at(round(7, "LOSS", "10", "1.05", null), recent, 2))));
        for (Instant when : List.of(now.minus(Duration.ofDays(40)), recent)) {
            ok(client.execute("mutation($input: LogErrorInput!) { logError(input: $input) { duplicate } }",
                    Map.of("input", Map.of("botId", BOT, "sessionId", SESSION, "errorType", "ocr_timeout",
                            "timestamp", when.toString()))));
            ok(client.execute("mutation($input: LogOcrValidationInput!) { logOcrValidation(input: $input) { duplicate } }",
                    Map.of("input", Map.of("botId", BOT, "sessionId", SESSION, "validationStatus", "VALID",
                            "rawOcrText", "1.50x", "timestamp", when.toString()))));
        }
    }

    private static Map<String, Object> at(Map<String, Object> round, Instant base, int minutes) {
        return with(round, "roundStartTimestamp", base.plus(Duration.ofMinutes(minutes)).toString());
    }

    @Test
    void aDryRunCountsTheOldRowsPerTableAndChangesNothing() {
        Map<String, Integer> before = writes.rowCounts();
        List<String> rounds = writes.snapshot("crash_game_rounds");
        List<String> totals = jdbc.queryForList("SELECT row_to_json(t)::text FROM round_totals_hourly t ORDER BY hour", String.class);

        JsonNode report = ok(client.execute(CLEANUP, Map.of("dryRun", true))).data("cleanupOldRecords");

        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(rowsPerTable(report)).containsExactly(
                Map.entry("crash_game_rounds", 4L), Map.entry("analytics_round_outcomes", 4L),
                Map.entry("analytics_round_multipliers", 3L), Map.entry("analytics_round_signals", 2L),
                Map.entry("error_logs", 1L), Map.entry("ocr_validation_logs", 1L));
        Instant roundsCutoff = now.minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.HOURS);
        assertThat(Instant.parse(report.get("tables").get(0).get("olderThan").asString()))
                .isBetween(roundsCutoff, roundsCutoff.plus(Duration.ofHours(1)));
        assertThat(writes.rowCounts()).isEqualTo(before);
        assertThat(writes.snapshot("crash_game_rounds")).isEqualTo(rounds);
        assertThat(jdbc.queryForList("SELECT row_to_json(t)::text FROM round_totals_hourly t ORDER BY hour", String.class))
                .isEqualTo(totals);
    }

    @Test
    void aRealRunDeletesExactlyTheOldRowsAndKeepsTheAllTimeFigures() {
        JsonNode allTimeBefore = ok(client.execute(ALL_TIME, Map.of("botId", BOT))).data("bot");
        assertThat(allTimeBefore.at("/statistics/rounds").asInt()).isEqualTo(7);
        assertThat(allTimeBefore.at("/statistics/totalProfitLoss").decimalValue()).isEqualByComparingTo("-40.00");
        assertThat(allTimeBefore.at("/statistics/largestLoss").decimalValue()).isEqualByComparingTo("100.00");
        String crashRollupBefore = crashRollup();
        JsonNode oldDaysBefore = oldDays();
        // rounds 1-4: 4 rounds, P/L 5 - 20 + 10 - 100, crash multipliers 2.10, 1.10, 3.00 and 1.00 (mean 1.80)
        assertThat(sum(oldDaysBefore, "rounds")).isEqualByComparingTo("4");
        assertThat(sum(oldDaysBefore, "profitLoss")).isEqualByComparingTo("-105.00");
        BigDecimal crashSum = BigDecimal.ZERO;
        for (JsonNode day : oldDaysBefore) {
            crashSum = crashSum.add(day.get("averageCrashMultiplier").decimalValue()
                    .multiply(day.get("rounds").decimalValue()));
        }
        assertThat(crashSum).isCloseTo(new BigDecimal("7.20"), within(new BigDecimal("0.01")));
        assertThat(oldDaysBefore.findValues("lowestCrashMultiplier").stream().map(JsonNode::decimalValue)
                .min(BigDecimal::compareTo)).hasValueSatisfying(low -> assertThat(low).isEqualByComparingTo("1.00"));
        assertThat(oldDaysBefore.findValues("highestCrashMultiplier").stream().map(JsonNode::decimalValue)
                .max(BigDecimal::compareTo)).hasValueSatisfying(high -> assertThat(high).isEqualByComparingTo("3.00"));

        JsonNode report = ok(client.execute(CLEANUP, Map.of("dryRun", false))).data("cleanupOldRecords");

        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(rowsPerTable(report)).containsExactly(
                Map.entry("crash_game_rounds", 4L), Map.entry("analytics_round_outcomes", 4L),
                Map.entry("analytics_round_multipliers", 3L), Map.entry("analytics_round_signals", 2L),
                Map.entry("error_logs", 1L), Map.entry("ocr_validation_logs", 1L));
        assertThat(jdbc.queryForList("SELECT round_number FROM crash_game_rounds ORDER BY round_number", Integer.class))
                .containsExactly(5, 6, 7);
        assertThat(jdbc.queryForList("SELECT r.round_number FROM analytics_round_outcomes o "
                + "JOIN crash_game_rounds r ON r.id = o.round_id ORDER BY 1", Integer.class)).containsExactly(5, 6, 7);
        assertThat(writes.count("analytics_round_multipliers")).isEqualTo(1);
        assertThat(writes.count("analytics_round_signals")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT min(\"timestamp\") FROM error_logs", java.sql.Timestamp.class).toInstant())
                .isAfter(now.minus(Duration.ofDays(2)));
        assertThat(writes.count("error_logs")).isEqualTo(1);
        assertThat(writes.count("ocr_validation_logs")).isEqualTo(1);

        assertThat(ok(client.execute(ALL_TIME, Map.of("botId", BOT))).data("bot")).isEqualTo(allTimeBefore);
        JsonNode retained = ok(client.execute(RETAINED_WINDOW, Map.of("botId", BOT))).data("bot");
        assertThat(retained.at("/statistics/equityRounds").asInt()).isEqualTo(3);
        JsonNode summary = retained.at("/sessions/edges/0/node/summary");
        assertThat(summary.get("rounds").asInt()).as("rounds 5-7").isEqualTo(3);
        assertThat(summary.get("totalProfitLoss").decimalValue()).as("75.00 + 0 - 10.00").isEqualByComparingTo("65.00");
        assertThat(summary.get("largestLoss").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(crashRollup()).isEqualTo(crashRollupBefore);
        assertThat(oldDays()).as("the old rounds' days, charted from the hourly totals").isEqualTo(oldDaysBefore);

        JsonNode again = ok(client.execute(CLEANUP, Map.of("dryRun", false))).data("cleanupOldRecords");
        assertThat(rowsPerTable(again).values()).as("a second run finds nothing left to delete").containsOnly(0L);
    }

    @Test
    void aCleanupRunningOnAnotherReplicaMakesTheSecondOneStepAside() throws Exception {
        try (Connection otherReplica = dataSource.getConnection(); Statement lock = otherReplica.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(hashtextextended('crash_analytics.job/retention', 0))");

            GraphQlResponse refused = client.execute(CLEANUP, Map.of("dryRun", false));

            assertThat(refused.errors().get(0).at("/extensions/classification").asString()).as(refused.body())
                    .isEqualTo("CONFLICT");
            assertThat(writes.count("crash_game_rounds")).isEqualTo(7);
            assertThat(ok(client.execute(CLEANUP, Map.of("dryRun", true))).data("cleanupOldRecords").at("/tables/0/rows")
                    .asLong()).as("a dry run needs no lock").isEqualTo(4);
            lock.execute("SELECT pg_advisory_unlock(hashtextextended('crash_analytics.job/retention', 0))");
        }
        ok(client.execute(CLEANUP, Map.of("dryRun", false)));
        assertThat(writes.count("crash_game_rounds")).isEqualTo(3);
    }

    @Test
    void onlyAdminKeysMayCleanUpOrCountRows() {
        TestApiKeys keys = new TestApiKeys(port);
        for (String key : List.of(keys.dashboard(), keys.bot(BOT))) {
            GraphQlResponse refused = client.withApiKey(key).execute(CLEANUP, Map.of("dryRun", false));
            assertThat(refused.errors().get(0).at("/extensions/classification").asString()).as(refused.body())
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(writes.count("crash_game_rounds")).isEqualTo(7);
    }

    /** The days around the old rounds' (from midnight UTC), so the window holds whole hours only. */
    private JsonNode oldDays() {
        Instant day = now.minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.DAYS);
        return ok(client.execute(OLD_DAYS, Map.of("window", Map.of("from", day.minus(Duration.ofDays(1)).toString(),
                "to", day.plus(Duration.ofDays(2)).toString())))).data("timeSeries");
    }

    private static BigDecimal sum(JsonNode points, String figure) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode point : points) {
            sum = sum.add(point.get(figure).decimalValue());
        }
        return sum;
    }

    private String crashRollup() {
        return String.join("\n", jdbc.queryForList("""
                SELECT row_to_json(t)::text FROM (SELECT game_name, platform_code, day, crash_multiplier, rounds
                FROM game_round_crash_counts ORDER BY 1, 2, 3, 4) t""", String.class));
    }

    private static Map<String, Long> rowsPerTable(JsonNode report) {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        report.get("tables").forEach(table -> rows.put(table.get("table").asString(), table.get("rows").asLong()));
        return rows;
    }
}
