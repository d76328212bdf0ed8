package com.crashanalytics.api.analytics;

import static com.crashanalytics.persistence.testing.AnalyticsFixtures.minute;
import static com.crashanalytics.domain.round.RoundOutcome.ERROR;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.SKIP;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.persistence.testing.AnalyticsFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Performance analytics over HTTP against fixtures whose every figure is worked out by hand in the comments. */
@GatewayIntegrationTest
class PerformanceAnalyticsIT {

    private static final String STATISTICS = """
            query($botId: ID!, $window: TimeWindow) {
              bot(botId: $botId) {
                statistics(window: $window) {
                  rounds wins losses skips errors winRate totalStaked totalProfitLoss roiPercent averageProfitLoss
                  grossWin grossLoss profitFactor expectancy largestWin largestLoss averageWin averageLoss
                  bets sharpeRatio sortinoRatio longestWinStreak longestLossStreak startingCapital
                  maxDrawdown { amount percentOfPeak peakAt troughAt }
                  currentDrawdown { amount percentOfPeak peakAt troughAt }
                  firstRoundAt lastRoundAt
                }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;

    @BeforeEach
    void fixtures() {
        client = new GraphQlClient(port);
        AnalyticsFixtures fixtures = new AnalyticsFixtures(jdbc)
                .platform("aviator", "spribe", "3")
                .bot("bot_a", "compound_1.33x").bot("bot_b", "compound_1.33x").bot("bot_c", "martingale")
                .bot("bot_d", "martingale").bot("bot_idle", "martingale")
                .session("session_a", "bot_a", "aviator", "spribe", "compound_1.33x", "100")
                .session("session_b", "bot_b", "aviator", "spribe", "compound_1.33x", "100")
                .session("session_c", "bot_c", "aviator", "spribe", "martingale", "30")
                .session("session_d", "bot_d", "aviator", "spribe", "martingale", "100");
        // bot_a, the ten rounds of PerformanceStatsTest:
        //  #  outcome stake  P/L    balance  level  peak  fall  return
        //  1  WIN     10     +5.00  105.00   105    105     0    0.5
        //  2  WIN     10    +10.00  115.00   115    115     0    1
        //  3  LOSS    10    −10.00  105.00   105    115    10   −1
        //  4  SKIP     0      0     105.00   105    115    10    –
        //  5  LOSS    20    −20.00   85.00    85    115    30   −1
        //  6  ERROR    0      0     (none)    85    115    30    –
        //  7  LOSS     5     −5.00   80.00    80    115    35   −1
        //  8  WIN     10    +30.00  110.00   110    115     5    3
        //  9  WIN     10     +3.30  113.30   113.30 115  1.70    0.33
        // 10  LOSS    10    −10.00  103.30   103.30 115 11.70   −1
        fixtures.round("session_a", minute(1), WIN, "10", "5.00", "105.00", "1.5", null);
        fixtures.round("session_a", minute(2), WIN, "10", "10.00", "115.00", "2.1", null);
        fixtures.round("session_a", minute(3), LOSS, "10", "-10.00", "105.00", "1.2", null);
        fixtures.round("session_a", minute(4), SKIP, "0", "0", "105.00", "3", null);
        fixtures.round("session_a", minute(5), LOSS, "20", "-20.00", "85.00", "1", null);
        fixtures.round("session_a", minute(6), ERROR, "0", "0", null, null, null);
        fixtures.round("session_a", minute(7), LOSS, "5", "-5.00", "80.00", "1.1", null);
        fixtures.round("session_a", minute(8), WIN, "10", "30.00", "110.00", "4.2", null);
        fixtures.round("session_a", minute(9), WIN, "10", "3.30", "113.30", "1.4", null);
        fixtures.round("session_a", minute(10), LOSS, "10", "-10.00", "103.30", "1.01", null);
        // bot_b: a single win of 3.30 on 10 (1.33x), 103.30 after it.
        fixtures.round("session_b", minute(1), WIN, "10", "3.30", "103.30", "1.5", null);
        // bot_c goes bust: 30 → 20 → 10 → 0 in three losses of 10.
        fixtures.round("session_c", minute(1), LOSS, "10", "-10", "20", "1.2", null);
        fixtures.round("session_c", minute(2), LOSS, "10", "-10", "10", "1.3", null);
        fixtures.round("session_c", minute(3), LOSS, "10", "-10", "0", "1.0", null);
        // bot_d over two days and a Monday-based week: +5 on Mar 2 23:30, −10 and +2 on Mar 3.
        fixtures.round("session_d", Instant.parse("2026-03-02T23:30:00Z"), WIN, "10", "5", "105", "1.5", null);
        fixtures.round("session_d", Instant.parse("2026-03-03T00:10:00Z"), LOSS, "10", "-10", "95", "1.1", null);
        fixtures.round("session_d", Instant.parse("2026-03-03T05:00:00Z"), WIN, "10", "2", "97", "1.2", null);
    }

    @Test
    void statisticsOfTheTenRoundSession() {
        JsonNode stats = statistics("bot_a", null);

        assertThat(stats.path("rounds").asInt()).isEqualTo(10);
        assertThat(stats.path("wins").asInt()).isEqualTo(4);
        assertThat(stats.path("losses").asInt()).isEqualTo(4);
        assertThat(stats.path("skips").asInt()).isEqualTo(1);
        assertThat(stats.path("errors").asInt()).isEqualTo(1);
        assertThat(stats.path("winRate").decimalValue()).isEqualByComparingTo("0.5");          // 4 / 8
        assertThat(stats.path("totalStaked").decimalValue()).isEqualByComparingTo("85");       // 10+10+10+20+5+10+10+10
        assertThat(stats.path("totalProfitLoss").decimalValue()).isEqualByComparingTo("3.3");  // 48.30 − 45
        assertThat(stats.path("roiPercent").decimalValue()).isEqualByComparingTo("3.8824");    // 330 / 85 = 3.88235…
        assertThat(stats.path("averageProfitLoss").decimalValue()).isEqualByComparingTo("0.33"); // 3.30 / 10
        assertThat(stats.path("grossWin").decimalValue()).isEqualByComparingTo("48.3");        // 5 + 10 + 30 + 3.30
        assertThat(stats.path("grossLoss").decimalValue()).isEqualByComparingTo("45");         // 10 + 20 + 5 + 10
        assertThat(stats.path("profitFactor").decimalValue()).isEqualByComparingTo("1.073333"); // 48.30 / 45
        assertThat(stats.path("expectancy").decimalValue()).isEqualByComparingTo("0.4125");    // 3.30 / 8
        assertThat(stats.path("largestWin").decimalValue()).isEqualByComparingTo("30");
        assertThat(stats.path("largestLoss").decimalValue()).isEqualByComparingTo("20");
        assertThat(stats.path("averageWin").decimalValue()).isEqualByComparingTo("12.075");    // 48.30 / 4
        assertThat(stats.path("averageLoss").decimalValue()).isEqualByComparingTo("11.25");    // 45 / 4
        assertThat(stats.path("bets").asInt()).isEqualTo(8);
        // returns 0.5, 1, −1, −1, −1, 3, 0.33, −1: mean 0.10375, s = √(14.2727875 / 7) → Sharpe 0.0726579
        assertThat(stats.path("sharpeRatio").asDouble()).isCloseTo(0.0726579, within(1e-7));
        // d = √(4 / 8) → Sortino = 0.10375 × √2
        assertThat(stats.path("sortinoRatio").asDouble()).isCloseTo(0.10375 * Math.sqrt(2), within(1e-12));
        assertThat(stats.path("longestWinStreak").asInt()).isEqualTo(2);  // #1 #2 (and #8 #9)
        assertThat(stats.path("longestLossStreak").asInt()).isEqualTo(3); // #3 #5 #7 across the SKIP and ERROR
        assertThat(stats.path("startingCapital").decimalValue()).isEqualByComparingTo("100"); // 105 − 5
        // peak 115 after #2, trough 80 after #7: 35, 35 × 100 / 115 = 30.434782… → 30.4348
        assertDrawdown(stats.path("maxDrawdown"), "35", "30.4348", minute(2), minute(7));
        // 115 − 103.30 = 11.70, × 100 / 115 = 10.173913… → 10.1739
        assertDrawdown(stats.path("currentDrawdown"), "11.7", "10.1739", minute(2), minute(10));
        assertThat(Instant.parse(stats.path("firstRoundAt").asString())).isEqualTo(minute(1));
        assertThat(Instant.parse(stats.path("lastRoundAt").asString())).isEqualTo(minute(10));
    }

    @Test
    void aWindowInEpochMillisecondsCutsTheSeriesAndItsCapital() {
        // rounds #3..#7 (from minute 3 inclusive to minute 8 exclusive): L, S, L, E, L; P/L −10, 0, −20, 0, −5
        JsonNode stats = statistics("bot_a", Map.of("from", minute(3).toEpochMilli(), "to", minute(8).toEpochMilli()));

        assertThat(stats.path("rounds").asInt()).isEqualTo(5);
        assertThat(stats.path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-35");
        assertThat(stats.path("roiPercent").decimalValue()).isEqualByComparingTo("-100");    // −35 × 100 / 35
        assertThat(stats.path("winRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(stats.path("longestLossStreak").asInt()).isEqualTo(3);
        // capital implied by #3: 105 − (−10) = 115; levels 105, 105, 85, 85, 80 below the starting 115
        assertThat(stats.path("startingCapital").decimalValue()).isEqualByComparingTo("115");
        // fall 35 from the starting level (no round at the peak: peakAt null), 35 / 115 = 30.4348 %
        assertDrawdown(stats.path("maxDrawdown"), "35", "30.4348", null, minute(7));
    }

    @Test
    void aBotWithoutRoundsHasZerosAndNulls() {
        JsonNode stats = statistics("bot_idle", null);

        assertThat(stats.path("rounds").asInt()).isZero();
        assertThat(stats.path("totalProfitLoss").decimalValue()).isEqualByComparingTo("0");
        assertThat(stats.path("winRate").isNull()).isTrue();
        assertThat(stats.path("roiPercent").isNull()).isTrue();
        assertThat(stats.path("sharpeRatio").isNull()).isTrue();
        assertThat(stats.path("startingCapital").isNull()).isTrue();
        assertDrawdown(stats.path("maxDrawdown"), "0", null, null, null);
        assertThat(stats.path("firstRoundAt").isNull()).isTrue();
    }

    @Test
    void aSingleWinningRound() {
        JsonNode stats = statistics("bot_b", null);

        assertThat(stats.path("rounds").asInt()).isEqualTo(1);
        assertThat(stats.path("winRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(stats.path("roiPercent").decimalValue()).isEqualByComparingTo("33");   // 3.30 × 100 / 10
        assertThat(stats.path("profitFactor").isNull()).isTrue();                         // no losses
        assertThat(stats.path("sharpeRatio").isNull()).isTrue();                          // one return
        assertThat(stats.path("startingCapital").decimalValue()).isEqualByComparingTo("100"); // 103.30 − 3.30
        assertDrawdown(stats.path("maxDrawdown"), "0", "0", null, null);                  // always at its peak
    }

    @Test
    void aSessionThatGoesBustHasLostAllOfItsPeak() {
        JsonNode stats = statistics("bot_c", null);

        assertThat(stats.path("winRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(stats.path("roiPercent").decimalValue()).isEqualByComparingTo("-100");   // −30 × 100 / 30
        assertThat(stats.path("profitFactor").decimalValue()).isEqualByComparingTo("0");    // 0 / 30
        assertThat(stats.path("expectancy").decimalValue()).isEqualByComparingTo("-10");
        assertThat(stats.path("longestLossStreak").asInt()).isEqualTo(3);
        // returns −1, −1, −1: no spread, no Sharpe; Sortino −1 / √(3 / 3) = −1
        assertThat(stats.path("sharpeRatio").isNull()).isTrue();
        assertThat(stats.path("sortinoRatio").asDouble()).isCloseTo(-1, within(1e-12));
        // capital 20 − (−10) = 30; levels 20, 10, 0: a fall of 30 = 100 % of the starting peak, which no round reached
        assertThat(stats.path("startingCapital").decimalValue()).isEqualByComparingTo("30");
        assertDrawdown(stats.path("maxDrawdown"), "30", "100", null, minute(3));
        assertDrawdown(stats.path("currentDrawdown"), "30", "100", null, minute(3));
    }

    @Test
    void equityCurveByDayAndByWeek() {
        String document = """
                query($bucket: EquityBucket!) { bot(botId: "bot_d") { equityCurve(bucket: $bucket) {
                  periodStart periodEnd rounds wins losses totalStaked profitLoss cumulativeProfitLoss closingBalance roiPercent } } }
                """;

        JsonNode days = client.execute(document, Map.of("bucket", "DAY")).data("bot.equityCurve");
        JsonNode weeks = client.execute(document, Map.of("bucket", "WEEK")).data("bot.equityCurve");

        assertThat(days).hasSize(2);
        // Mar 2: one win of +5, balance 105, ROI 5 × 100 / 10 = 50
        assertThat(days.get(0).path("periodStart").asString()).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(days.get(0).path("periodEnd").asString()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(days.get(0).path("profitLoss").decimalValue()).isEqualByComparingTo("5");
        assertThat(days.get(0).path("closingBalance").decimalValue()).isEqualByComparingTo("105");
        assertThat(days.get(0).path("roiPercent").decimalValue()).isEqualByComparingTo("50");
        // Mar 3: −10 + 2 = −8, cumulative 5 − 8 = −3, closing 97 (the later round), ROI −8 × 100 / 20 = −40
        assertThat(days.get(1).path("rounds").asInt()).isEqualTo(2);
        assertThat(days.get(1).path("profitLoss").decimalValue()).isEqualByComparingTo("-8");
        assertThat(days.get(1).path("cumulativeProfitLoss").decimalValue()).isEqualByComparingTo("-3");
        assertThat(days.get(1).path("closingBalance").decimalValue()).isEqualByComparingTo("97");
        assertThat(days.get(1).path("roiPercent").decimalValue()).isEqualByComparingTo("-40");
        // both days are in the week from Monday Mar 2
        assertThat(weeks).hasSize(1);
        assertThat(weeks.get(0).path("periodStart").asString()).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(weeks.get(0).path("periodEnd").asString()).isEqualTo("2026-03-09T00:00:00Z");
        assertThat(weeks.get(0).path("rounds").asInt()).isEqualTo(3);
        assertThat(weeks.get(0).path("profitLoss").decimalValue()).isEqualByComparingTo("-3");
    }

    @Test
    void strategiesSideBySide() {
        GraphQlResponse response = client.execute("""
                { strategies(game: "aviator") { name performance { rounds totalProfitLoss roiPercent } } }
                """);

        JsonNode strategies = response.data("strategies");
        assertThat(strategies).as(response.body()).hasSize(2);
        // compound_1.33x: bot_a (10 rounds, +3.30 on 85) and bot_b (1 round, +3.30 on 10): +6.60 on 95 → 6.9474 %
        assertThat(strategies.get(0).path("name").asString()).isEqualTo("compound_1.33x");
        assertThat(strategies.get(0).path("performance").path("rounds").asInt()).isEqualTo(11);
        assertThat(strategies.get(0).path("performance").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("6.6");
        assertThat(strategies.get(0).path("performance").path("roiPercent").decimalValue()).isEqualByComparingTo("6.9474");
        // martingale: bot_c (−30 on 30) and bot_d (−3 on 30): −33 on 60 → −55 %
        assertThat(strategies.get(1).path("name").asString()).isEqualTo("martingale");
        assertThat(strategies.get(1).path("performance").path("rounds").asInt()).isEqualTo(6);
        assertThat(strategies.get(1).path("performance").path("roiPercent").decimalValue()).isEqualByComparingTo("-55");
    }

    @Test
    void aStrategyByNameAndOneNobodyUses() {
        GraphQlResponse response = client.execute("""
                { known: strategy(name: "martingale") { name performance(window: {from: "2026-03-03T00:00:00Z"}) { rounds totalProfitLoss } }
                  unknown: strategy(name: "kelly") { name } }
                """);

        // from Mar 3: only bot_d's two rounds, −10 + 2
        assertThat(response.data("known.performance.rounds").asInt()).isEqualTo(2);
        assertThat(response.data("known.performance.totalProfitLoss").decimalValue()).isEqualByComparingTo("-8");
        assertThat(response.data("unknown").isNull()).isTrue();
    }

    @Test
    void gameStatisticsAddUpEveryBot() {
        GraphQlResponse response = client.execute("""
                { gameStatistics(game: "aviator", platform: "spribe") { rounds wins losses totalStaked totalProfitLoss } }
                """);

        // 10 + 1 + 3 + 3 rounds; wins 4 + 1 + 0 + 2; losses 4 + 0 + 3 + 1; staked 85 + 10 + 30 + 30; P/L 3.3 + 3.3 − 30 − 3
        assertThat(response.data("gameStatistics.rounds").asInt()).isEqualTo(17);
        assertThat(response.data("gameStatistics.wins").asInt()).isEqualTo(7);
        assertThat(response.data("gameStatistics.losses").asInt()).isEqualTo(8);
        assertThat(response.data("gameStatistics.totalStaked").decimalValue()).isEqualByComparingTo("155");
        assertThat(response.data("gameStatistics.totalProfitLoss").decimalValue()).isEqualByComparingTo("-26.4");
    }

    @Test
    void leaderboardByRoi() {
        GraphQlResponse response = client.execute("""
                { leaderboard(metric: ROI, first: 3) { position botId value rounds bot { botId strategyName } } }
                """);

        // ROI: bot_b 33, bot_a 3.8824, bot_d −3 × 100 / 30 = −10, bot_c −100; bot_idle has no rounds
        JsonNode board = response.data("leaderboard");
        assertThat(board).as(response.body()).hasSize(3);
        assertThat(board.get(0).path("botId").asString()).isEqualTo("bot_b");
        assertThat(board.get(0).path("value").decimalValue()).isEqualByComparingTo("33");
        assertThat(board.get(0).path("bot").path("strategyName").asString()).isEqualTo("compound_1.33x");
        assertThat(board.get(1).path("botId").asString()).isEqualTo("bot_a");
        assertThat(board.get(2).path("botId").asString()).isEqualTo("bot_d");
        assertThat(board.get(2).path("value").decimalValue()).isEqualByComparingTo("-10");
        assertThat(board.get(2).path("position").asInt()).isEqualTo(3);
    }

    @Test
    void argumentsAreValidatedNamingTheArgument() {
        GraphQlResponse tooMany = client.execute("{ leaderboard(first: 501) { position } }");
        GraphQlResponse backwards = client.execute("""
                { bot(botId: "bot_a") { statistics(window: {from: "2026-03-02T11:00:00Z", to: "2026-03-02T10:00:00Z"}) { rounds } } }
                """);

        assertThat(tooMany.errors().get(0).path("extensions").path("field").asString()).isEqualTo("first");
        assertThat(tooMany.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("RANGE");
        assertThat(tooMany.errors().get(0).path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(backwards.errors().get(0).path("extensions").path("field").asString()).isEqualTo("window.to");
        assertThat(backwards.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("AFTER_FROM");
    }

    private JsonNode statistics(String botId, Map<String, ?> window) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("botId", botId);
        variables.put("window", window);
        GraphQlResponse response = client.execute(STATISTICS, variables);
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.data("bot.statistics");
    }

    private static void assertDrawdown(JsonNode drawdown, String amount, String percent, Instant peakAt, Instant troughAt) {
        assertThat(drawdown.path("amount").decimalValue()).isEqualByComparingTo(amount);
        if (percent == null) {
            assertThat(drawdown.path("percentOfPeak").isNull()).as("percentOfPeak").isTrue();
        } else {
            assertThat(drawdown.path("percentOfPeak").decimalValue()).isEqualByComparingTo(percent);
        }
        assertThat(drawdown.path("peakAt").isNull() ? null : Instant.parse(drawdown.path("peakAt").asString()))
                .as("peakAt").isEqualTo(peakAt);
        assertThat(drawdown.path("troughAt").isNull() ? null : Instant.parse(drawdown.path("troughAt").asString()))
                .as("troughAt").isEqualTo(troughAt);
    }
}
