package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code timeSeries} over a fixture of two bots on aviator@dafabet, every figure worked out by hand. bot_a (strategy
 * alpha) plays on; bot_b (strategy beta) plays once at 10:00 and then stalls until 10:05.
 *
 * <pre>
 *   time      bot    outcome  stake  P/L   crash
 *   09:59:30  bot_a  SKIP       0     0    1.00   (before the 10:00 windows)
 *   10:00:10  bot_a  WIN       10    +5    2.00
 *   10:00:20  bot_b  WIN       10    +3    1.50
 *   10:00:40  bot_a  LOSS      10   -10    1.20
 *   10:01:30  bot_a  WIN       20   +20    3.00
 *   10:03:05  bot_a  LOSS      10   -10    1.10
 *   10:05:00  bot_b  LOSS      10   -10    1.05   (after the 10:00-10:04 window)
 * </pre>
 */
@GatewayIntegrationTest
class TimeSeriesIT {

    static final String TIME_SERIES = """
            query($window: TimeWindow!, $bucket: TimeBucket!, $groupBy: TimeSeriesGroup!, $filter: TimeSeriesFilter) {
              timeSeries(window: $window, bucket: $bucket, groupBy: $groupBy, filter: $filter) {
                time series rounds wins losses totalStaked profitLoss cumulativeProfitLoss roundsPerMinute
                averageCrashMultiplier lowestCrashMultiplier highestCrashMultiplier
              }
            }
            """;
    static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;

    @BeforeEach
    void fixture() {
        client = new GraphQlClient(port);
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc).platform("aviator", "dafabet", "3")
                .bot("bot_a", "alpha").bot("bot_b", "beta")
                .session("s_a", "bot_a", "aviator", "dafabet", "alpha", "1000")
                .session("s_b", "bot_b", "aviator", "dafabet", "beta", "1000");
        fixtures.round("s_a", at("09:59:30"), RoundOutcome.SKIP, "0", "0", null, "1.00", null);
        fixtures.round("s_a", at("10:00:10"), RoundOutcome.WIN, "10", "5", null, "2.00", null);
        fixtures.round("s_b", at("10:00:20"), RoundOutcome.WIN, "10", "3", null, "1.50", null);
        fixtures.round("s_a", at("10:00:40"), RoundOutcome.LOSS, "10", "-10", null, "1.20", null);
        fixtures.round("s_a", at("10:01:30"), RoundOutcome.WIN, "20", "20", null, "3.00", null);
        fixtures.round("s_a", at("10:03:05"), RoundOutcome.LOSS, "10", "-10", null, "1.10", null);
        fixtures.round("s_b", at("10:05:00"), RoundOutcome.LOSS, "10", "-10", null, "1.05", null);
    }

    static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    static Map<String, Object> window(String from, String to) {
        return Map.of("from", at(from).toEpochMilli(), "to", at(to).toEpochMilli());
    }

    JsonNode series(GraphQlClient caller, Map<String, Object> window, String bucket, String groupBy,
                    Map<String, Object> filter) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("window", window, "bucket", bucket,
                "groupBy", groupBy));
        if (filter != null) {
            variables.put("filter", filter);
        }
        return ok(caller.execute(TIME_SERIES, variables)).data("timeSeries");
    }

    /** time (minutes after 10:00), series, rounds, P/L, cumulative P/L, rounds per minute, mean crash. */
    static List<String> rows(JsonNode points) {
        List<String> rows = new ArrayList<>();
        points.forEach(point -> rows.add(String.join(" ",
                String.valueOf((point.path("time").asLong() - TEN.toEpochMilli()) / 60_000), point.path("series").asString(),
                point.path("rounds").asString(), point.path("profitLoss").decimalValue().toPlainString(),
                point.path("cumulativeProfitLoss").decimalValue().toPlainString(),
                point.path("roundsPerMinute").decimalValue().stripTrailingZeros().toPlainString(),
                point.path("averageCrashMultiplier").decimalValue().stripTrailingZeros().toPlainString())));
        return rows;
    }

    @Test
    void perMinutePerBotAStalledBotIsAGapNotAZero() {
        JsonNode points = series(client, window("10:00:00", "10:04:00"), "MINUTE", "BOT", null);

        // 10:00 bot_a: WIN +5 and LOSS -10 -> -5, 2 rounds a minute, crashes 2.00 and 1.20 -> mean 1.6
        // 10:00 bot_b: +3; then bot_b stalls: no row for it at 10:01, 10:02, 10:03
        // 10:01 bot_a: +20, cumulative 15; 10:02 nobody: no row; 10:03 bot_a: -10, cumulative 5
        assertThat(rows(points)).containsExactly(
                "0 bot_a 2 -5 -5 2 1.6",
                "0 bot_b 1 3 3 1 1.5",
                "1 bot_a 1 20 15 1 3",
                "3 bot_a 1 -10 5 1 1.1");
        JsonNode first = points.get(0);
        assertThat(first.path("time").asLong()).isEqualTo(TEN.toEpochMilli());
        assertThat(first.path("wins").asInt()).isEqualTo(1);
        assertThat(first.path("losses").asInt()).isEqualTo(1);
        assertThat(first.path("totalStaked").decimalValue()).isEqualByComparingTo("20");
        assertThat(first.path("lowestCrashMultiplier").decimalValue()).isEqualByComparingTo("1.20");
        assertThat(first.path("highestCrashMultiplier").decimalValue()).isEqualByComparingTo("2.00");
    }

    @Test
    void aBucketCutByTheWindowCountsOnlyItsPartInsideForRoundsPerMinute() {
        // [10:00:30, 10:04): the rounds at 10:00:40, 10:01:30 and 10:03:05 in the hour from 10:00 -> 3 rounds,
        // P/L -10 + 20 - 10 = 0, over the 3.5 minutes of the hour inside the window: 3 / 3.5 = 0.857143
        JsonNode points = series(client, window("10:00:30", "10:04:00"), "HOUR", "FLEET", null);

        assertThat(rows(points)).containsExactly("0 fleet 3 0 0 0.857143 1.766667");   // (1.20 + 3.00 + 1.10) / 3
        assertThat(points.get(0).path("totalStaked").decimalValue()).isEqualByComparingTo("40");
    }

    @Test
    void cumulativePerStrategyPerHourAcrossTheWindow() {
        // alpha: hour 09 the SKIP (0), hour 10: +5 -10 +20 -10 = +5; beta: hour 10: +3 -10 = -7
        JsonNode points = series(client, window("09:00:00", "11:00:00"), "HOUR", "STRATEGY", null);

        assertThat(rows(points)).containsExactly(
                "-60 alpha 1 0 0 0.016667 1",        // 1 round in 60 minutes
                "0 alpha 4 5 5 0.066667 1.825",       // 4 / 60; (2.00 + 1.20 + 3.00 + 1.10) / 4
                "0 beta 2 -7 -7 0.033333 1.275");    // 2 / 60; (1.50 + 1.05) / 2
    }

    @Test
    void filtersNarrowTheRoundsAndABotKeySeesItsOwnBotsOnly() {
        Map<String, Object> morning = window("09:00:00", "11:00:00");
        JsonNode onlyBeta = series(client, morning, "DAY", "GAME_PLATFORM",
                Map.of("strategyNames", List.of("beta"), "game", "aviator", "platform", "dafabet", "currency", "USD"));
        // the day from midnight: beta's 2 rounds in the 120 minutes of the day inside the window
        assertThat(rows(onlyBeta)).containsExactly("-600 aviator@dafabet 2 -7 -7 0.016667 1.275");
        assertThat(series(client, morning, "DAY", "FLEET", Map.of("currency", "EUR"))).isEmpty();

        GraphQlClient botB = client.withApiKey(new TestApiKeys(port).bot("bot_b"));
        assertThat(rows(series(botB, morning, "DAY", "BOT", null)))
                .containsExactly("-600 bot_b 2 -7 -7 0.016667 1.275");
        assertThat(series(botB, morning, "DAY", "BOT", Map.of("botIds", List.of("bot_a")))).isEmpty();

        GraphQlClient dashboard = client.withApiKey(new TestApiKeys(port).dashboard());
        assertThat(series(dashboard, morning, "DAY", "BOT", null)).hasSize(2);
    }

    /**
     * Whole hours come from the hourly totals, crash multipliers included (changeset 0510), and the partial hours at a
     * window's edges from the rounds: once retention has deleted every round (its delete leaves the totals alone), a
     * window of whole hours answers as before, and the edges and the minutes, which only the rounds have, are gone.
     */
    @Test
    void wholeHoursComeFromTheHourlyTotalsCrashMultipliersIncludedAndTheEdgesFromTheRounds() {
        // [09:30, 11:00) by the hour: 09:59:30 is read from the rounds (the partial hour), hour 10 from the totals
        Map<String, Object> halfPastNine = window("09:30:00", "11:00:00");
        assertThat(rows(series(client, halfPastNine, "HOUR", "BOT", null))).containsExactly(
                "-60 bot_a 1 0 0 0.033333 1",         // 1 round in the 30 minutes of hour 09 inside the window
                "0 bot_a 4 5 5 0.066667 1.825",        // (2.00 + 1.20 + 3.00 + 1.10) / 4
                "0 bot_b 2 -7 -7 0.033333 1.275");    // (1.50 + 1.05) / 2
        JsonNode hourTen = series(client, window("10:00:00", "11:00:00"), "HOUR", "BOT", null);
        assertThat(hourTen.get(0).path("lowestCrashMultiplier").decimalValue()).isEqualByComparingTo("1.10");
        assertThat(hourTen.get(0).path("highestCrashMultiplier").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(hourTen.get(1).path("lowestCrashMultiplier").decimalValue()).isEqualByComparingTo("1.05");
        assertThat(hourTen.get(1).path("highestCrashMultiplier").decimalValue()).isEqualByComparingTo("1.50");

        Map<String, JsonNode> before = wholeHourSeries();
        assertThat(before.values()).allSatisfy(points -> assertThat(points).isNotEmpty());

        jdbc.execute("""
                DO $$ BEGIN
                    PERFORM set_config('crash_analytics.retiring_rounds', 'on', true);
                    DELETE FROM crash_game_rounds;
                END $$""");

        assertThat(wholeHourSeries()).isEqualTo(before);
        assertThat(rows(series(client, halfPastNine, "HOUR", "BOT", null))).as("the 09:59:30 edge was a round's")
                .containsExactly("0 bot_a 4 5 5 0.066667 1.825", "0 bot_b 2 -7 -7 0.033333 1.275");
        assertThat(series(client, window("10:00:00", "10:04:00"), "MINUTE", "BOT", null)).isEmpty();
    }

    /**
     * Every grouping by the hour, day and month over two windows of whole hours (the fixture's morning, and five days
     * around it), keyed by what was asked.
     */
    Map<String, JsonNode> wholeHourSeries() {
        Map<String, JsonNode> series = new LinkedHashMap<>();
        for (String groupBy : List.of("FLEET", "BOT", "STRATEGY", "GAME_PLATFORM")) {
            for (String bucket : List.of("HOUR", "DAY", "MONTH")) {
                for (Map<String, Object> span : List.of(window("09:00:00", "11:00:00"),
                        Map.<String, Object>of("from", "2026-02-27T13:00:00Z", "to", "2026-03-04T00:00:00Z"))) {
                    series.put(groupBy + " " + bucket + " " + span, series(client, span, bucket, groupBy, null));
                }
            }
        }
        return series;
    }

    @Test
    void aWindowWithoutEndsOrWithTooManyBucketsIsRefused() {
        refused(client.execute(TIME_SERIES, Map.of("window", Map.of("from", at("10:00:00").toEpochMilli()),
                "bucket", "MINUTE", "groupBy", "FLEET")), "BAD_REQUEST", "window.to", "REQUIRED");
        // two days of minutes: 2,880 buckets, above the 1,500 allowed
        refused(client.execute(TIME_SERIES, Map.of("window", Map.of("from", "2026-03-01T00:00:00Z",
                "to", "2026-03-03T00:00:00Z"), "bucket", "MINUTE", "groupBy", "BOT")), "BAD_REQUEST", "bucket",
                "TOO_MANY_BUCKETS");
        // the same window by the hour is 48 buckets
        assertThat(ok(client.execute(TIME_SERIES, Map.of("window", Map.of("from", "2026-03-01T00:00:00Z",
                "to", "2026-03-03T00:00:00Z"), "bucket", "HOUR", "groupBy", "BOT"))).data("timeSeries")).hasSize(3);
    }
}
