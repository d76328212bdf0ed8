package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code Session.summary} and {@code Session.equityCurve} over HTTP, on sessions logged through the API and worked
 * out by hand, and the summary next to the session's {@code totals}: the same definitions computed twice (the write
 * path round by round, the read path in SQL over the rounds), so every figure both have is equal, digit for digit,
 * unless the round numbers do not follow the start times ({@link #whereRoundNumbersDoNotFollowStartTimesTheOrdersDiffer}).
 *
 * <p>The ten-round session is TenRoundSessionIT's (C = 1000.00; its table there), round n starting at T(n) =
 * 14:00 + 12n minutes on 2026-11-20:
 * <pre>
 *  #  outcome  stake  P/L      equity   time
 *  1  WIN        10     5.00  1005.00   14:12
 *  2  WIN        10    10.00  1015.00   14:24   peak
 *  3  LOSS       20   -20.00   995.00   14:36
 *  4  SKIP        0     0      995.00   14:48
 *  5  LOSS       40   -40.00   955.00   15:00
 *  6  ERROR       0     0      955.00   15:12
 *  7  WIN        80    20.00   975.00   15:24
 *  8  LOSS      100  -100.00   875.00   15:36   trough: max drawdown 140
 *  9  WIN        10     3.30   878.30   15:48
 * 10  WIN        25    75.00   953.30   16:00   current drawdown 61.70
 * </pre>
 */
@GatewayIntegrationTest
class SessionSummaryIT {

    static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");

    static final String SUMMARY_FIELDS = """
            rounds wins losses skips errors winRate totalStaked totalProfitLoss roiPercent averageProfitLoss grossWin
            grossLoss profitFactor expectancy largestWin largestLoss averageWin averageLoss bets sharpeRatio sortinoRatio
            longestWinStreak longestLossStreak startingCapital
            maxDrawdown { amount percentOfPeak peakAt troughAt } currentDrawdown { amount percentOfPeak peakAt troughAt }
            firstRoundAt lastRoundAt
            """;
    static final String CURVE_FIELDS = """
            periodStart periodEnd rounds wins losses totalStaked profitLoss cumulativeProfitLoss closingBalance roiPercent
            winRate
            """;
    static final String SESSION_ANALYTICS = """
            query($id: ID!, $window: TimeWindow) {
              session(sessionId: $id) {
                totals { totalRounds wins losses skips errors winRate totalStaked totalProfitLoss grossWin grossLoss
                         roiPercent largestWin largestLoss averageWin averageLoss equity peakBalance maxDrawdown
                         maxDrawdownPercent currentDrawdown longestWinStreak longestLossStreak }
                summary { %s }
                hourly: equityCurve(bucket: HOUR) { %s }
                windowed: equityCurve(bucket: HOUR, window: $window) { %s }
                bot { statistics { startingCapital maxDrawdown { amount percentOfPeak } } }
              }
            }
            """.formatted(SUMMARY_FIELDS, CURVE_FIELDS, CURVE_FIELDS);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WritePath writePath;

    @BeforeEach
    void aBotInAnActiveSession() {
        writePath = new WritePath(new GraphQlClient(port), jdbc).activeSession();
    }

    /** TenRoundSessionIT's rounds, round n starting at {@code T(startOf[n - 1])} (at T(n) when none are given). */
    static List<Map<String, Object>> tenRounds(int... startOf) {
        List<Map<String, Object>> rounds = new ArrayList<>(WritePath.tenRoundSession());
        for (int i = 0; i < rounds.size(); i++) {
            rounds.set(i, with(rounds.get(i), "roundStartTimestamp", t(startOf.length == 0 ? i + 1 : startOf[i]).toString()));
        }
        return rounds;
    }

    static Instant t(int n) {
        return T0.plus(Duration.ofMinutes(12L * n));
    }

    @Test
    void theTenRoundSessionsSummaryIsAsWorkedOutByHandAndAgreesWithItsTotals() {
        ok(writePath.logRounds(tenRounds()));

        JsonNode session = session(SESSION, Map.of());
        JsonNode summary = session.path("summary");

        assertThat(summary.path("rounds").asInt()).isEqualTo(10);
        assertThat(List.of(summary.path("wins").asInt(), summary.path("losses").asInt(), summary.path("skips").asInt(),
                summary.path("errors").asInt())).containsExactly(5, 3, 1, 1);
        decimals(summary, Map.ofEntries(
                Map.entry("winRate", "0.625"),                  // 5 / 8
                Map.entry("totalStaked", "295"),
                Map.entry("totalProfitLoss", "-46.70"),
                Map.entry("roiPercent", "-15.8305"),            // −46.70 × 100 / 295 = −15.830508…
                Map.entry("averageProfitLoss", "-4.67"),        // −46.70 / 10
                Map.entry("grossWin", "113.30"),
                Map.entry("grossLoss", "160"),
                Map.entry("profitFactor", "0.708125"),          // 113.30 / 160
                Map.entry("expectancy", "-5.8375"),             // (113.30 − 160) / 8 settled bets
                Map.entry("largestWin", "75"),
                Map.entry("largestLoss", "100"),
                Map.entry("averageWin", "22.66"),               // 113.30 / 5
                Map.entry("averageLoss", "53.33333333"),        // 160 / 3, half-up to 8 decimals
                Map.entry("startingCapital", "1000")));         // the session's initial balance
        assertThat(summary.path("bets").asInt()).as("stakes above 0: rounds 1, 2, 3, 5, 7, 8, 9, 10").isEqualTo(8);
        // Returns P/L / stake: 0.5, 1, −1, −1, 0.25, −1, 0.33, 3; mean 2.08 / 8 = 0.26;
        // sample variance (Σr² − 8 × 0.26²) / 7 = (13.4214 − 0.5408) / 7 = 1.8400857…; Sharpe 0.26 / √1.8400857 = 0.1916701;
        // downside deviation √((1 + 1 + 1) / 8) = 0.6123724; Sortino 0.26 / 0.6123724 = 0.4245782.
        assertThat(summary.path("sharpeRatio").asDouble()).isCloseTo(0.26 / Math.sqrt((13.4214 - 8 * 0.26 * 0.26) / 7), within(1e-12));
        assertThat(summary.path("sortinoRatio").asDouble()).isCloseTo(0.26 / Math.sqrt(3.0 / 8), within(1e-12));
        assertThat(List.of(summary.path("longestWinStreak").asInt(), summary.path("longestLossStreak").asInt()))
                .containsExactly(2, 2);
        // Peak 1015 after round 2; trough 875 after round 8: 140, 140 × 100 / 1015 = 13.793103… → 13.7931.
        drawdown(summary.path("maxDrawdown"), "140", "13.7931", t(2), t(8));
        // 1015 − 953.30 = 61.70 after round 10, 61.70 × 100 / 1015 = 6.078818… → 6.0788.
        drawdown(summary.path("currentDrawdown"), "61.70", "6.0788", t(2), t(10));
        assertThat(Instant.parse(summary.path("firstRoundAt").asString())).isEqualTo(t(1));
        assertThat(Instant.parse(summary.path("lastRoundAt").asString())).isEqualTo(t(10));

        assertAgree(session);
        // The bot reported no balance: its statistics have no starting capital, so no percentages; the session knows
        // what it started with.
        JsonNode statistics = session.path("bot").path("statistics");
        assertThat(statistics.path("startingCapital").isNull()).isTrue();
        assertThat(statistics.path("maxDrawdown").path("amount").decimalValue()).isEqualByComparingTo("140");
        assertThat(statistics.path("maxDrawdown").path("percentOfPeak").isNull()).isTrue();
    }

    @Test
    void theSessionsEquityCurveByHourAndInAWindow() {
        ok(writePath.logRounds(tenRounds()));

        JsonNode session = session(SESSION, Map.of("window", Map.of(
                "from", t(5).toEpochMilli(), "to", T0.plus(Duration.ofHours(2)).toString())));

        JsonNode hourly = session.path("hourly");
        assertThat(hourly).hasSize(3);
        // 14:00–15:00, rounds 1–4: +5 +10 −20 +0 = −5 on 40 staked: ROI −12.5 %, 2 wins of 3 settled
        point(hourly.get(0), "2026-11-20T14:00:00Z", 4, 2, 1, "40", "-5", "-5", "-12.5", "0.666667");
        // 15:00–16:00, rounds 5–9: −40 +0 +20 −100 +3.30 = −116.70 on 230: −50.739130… → −50.7391; cumulative −121.70
        point(hourly.get(1), "2026-11-20T15:00:00Z", 5, 2, 2, "230", "-116.70", "-121.70", "-50.7391", "0.5");
        // 16:00–17:00, round 10: +75 on 25; cumulative −46.70
        point(hourly.get(2), "2026-11-20T16:00:00Z", 1, 1, 0, "25", "75", "-46.70", "300", "1");
        assertThat(hourly.get(0).path("closingBalance").isNull()).as("no round reported a balance").isTrue();

        // From 15:00 (epoch milliseconds) to 16:00 (ISO-8601): one period, cumulated from the window's first round.
        JsonNode windowed = session.path("windowed");
        assertThat(windowed).hasSize(1);
        point(windowed.get(0), "2026-11-20T15:00:00Z", 5, 2, 2, "230", "-116.70", "-116.70", "-50.7391", "0.5");
    }

    @Test
    void whereRoundNumbersDoNotFollowStartTimesTheOrdersDiffer() {
        // Round 8 (−100) starts at T(0), before round 1. In start-time order the equity is 900, 905, 915, 895, 895,
        // 855, 855, 875, 878.30, 953.30 from 1000: the peak stays the initial 1000, the max drawdown is 1000 − 855 =
        // 145 (14.5 %) at round 5, the current 1000 − 953.30 = 46.70 (4.67 %); the runs are L W W L (S) L (E) W W W:
        // longest win 3. In round-number order (totals) nothing changed: 140, 13.7931 %, 61.70, longest win 2.
        ok(writePath.logRounds(tenRounds(1, 2, 3, 4, 5, 6, 7, 0, 9, 10)));

        JsonNode session = session(SESSION, Map.of());
        JsonNode summary = session.path("summary");
        JsonNode totals = session.path("totals");

        drawdown(summary.path("maxDrawdown"), "145", "14.5", null, t(5));
        drawdown(summary.path("currentDrawdown"), "46.70", "4.67", null, t(10));
        assertThat(summary.path("longestWinStreak").asInt()).isEqualTo(3);
        assertThat(Instant.parse(summary.path("firstRoundAt").asString())).isEqualTo(t(0));
        assertThat(totals.path("maxDrawdown").decimalValue()).isEqualByComparingTo("140");
        assertThat(totals.path("maxDrawdownPercent").decimalValue()).isEqualByComparingTo("13.7931");
        assertThat(totals.path("currentDrawdown").decimalValue()).isEqualByComparingTo("61.70");
        assertThat(totals.path("longestWinStreak").asInt()).isEqualTo(2);
        // What does not depend on the order agrees all the same.
        for (String[] pair : List.of(new String[] {"totalRounds", "rounds"}, new String[] {"winRate", "winRate"},
                new String[] {"totalProfitLoss", "totalProfitLoss"}, new String[] {"roiPercent", "roiPercent"},
                new String[] {"averageLoss", "averageLoss"}, new String[] {"longestLossStreak", "longestLossStreak"})) {
            assertThat(summary.path(pair[1])).as(pair[1]).isEqualTo(totals.path(pair[0]));
        }
    }

    @Test
    void anEmptySessionASingleRoundAndABustAgreeWithTheirTotals() {
        writePath.startSession(BOT, "empty", "250");
        writePath.startSession(BOT, "single", "100");
        writePath.startSession(BOT, "bust", "50");
        ok(writePath.logRounds(List.of(
                with(round(1, "WIN", "10", "2.00", "1.50"), "sessionId", "single", "roundStartTimestamp", t(1).toString()),
                with(round(1, "LOSS", "20", "1.10", null), "sessionId", "bust", "roundStartTimestamp", t(1).toString()),
                with(round(2, "LOSS", "30", "1.20", null), "sessionId", "bust", "roundStartTimestamp", t(2).toString()))));

        // No rounds: nothing but the starting capital; no fall (0 %), no ratio.
        JsonNode empty = session("empty", Map.of());
        JsonNode none = empty.path("summary");
        assertThat(none.path("rounds").asInt()).isZero();
        decimals(none, Map.of("totalStaked", "0", "totalProfitLoss", "0", "startingCapital", "250"));
        assertThat(List.of("winRate", "roiPercent", "averageProfitLoss", "profitFactor", "expectancy", "sharpeRatio",
                "sortinoRatio", "firstRoundAt", "lastRoundAt")).allSatisfy(field ->
                assertThat(none.path(field).isNull()).as(field).isTrue());
        drawdown(none.path("maxDrawdown"), "0", "0", null, null);
        assertThat(empty.path("hourly")).isEmpty();
        assertAgree(empty);

        // One WIN of 10 at 1.50: +5 from 100; ROI 50 %; no loss, so no profit factor; one bet, so no Sharpe.
        JsonNode single = session("single", Map.of());
        decimals(single.path("summary"), Map.of("totalProfitLoss", "5", "roiPercent", "50", "expectancy", "5",
                "winRate", "1", "startingCapital", "100"));
        assertThat(single.path("summary").path("profitFactor").isNull()).isTrue();
        assertThat(single.path("summary").path("sharpeRatio").isNull()).isTrue();
        drawdown(single.path("summary").path("maxDrawdown"), "0", "0", null, null);
        assertAgree(single);

        // 50 − 20 − 30 = 0: bust. A fall of 50 from the peak 50 (the start): 100 %; both bets lost their stake
        // (returns −1, −1): no spread, so no Sharpe; Sortino −1 / √((1 + 1) / 2) = −1; profit factor 0 / 50 = 0.
        JsonNode bust = session("bust", Map.of());
        JsonNode busted = bust.path("summary");
        decimals(busted, Map.of("totalProfitLoss", "-50", "roiPercent", "-100", "winRate", "0", "profitFactor", "0",
                "expectancy", "-25", "startingCapital", "50"));
        drawdown(busted.path("maxDrawdown"), "50", "100", null, t(2));
        drawdown(busted.path("currentDrawdown"), "50", "100", null, t(2));
        assertThat(busted.path("sharpeRatio").isNull()).isTrue();
        assertThat(busted.path("sortinoRatio").asDouble()).isEqualTo(-1.0);
        assertThat(busted.path("longestLossStreak").asInt()).isEqualTo(2);
        assertAgree(bust);
    }

    @Test
    void aBotKeyReadsItsOwnSessionsSummaryAndNoOtherBots() {
        ok(writePath.logRounds(tenRounds()));
        String summaryOfSession = "query($id: ID!) { session(sessionId: $id) { summary { totalProfitLoss } "
                + "equityCurve(bucket: DAY) { profitLoss } } }";
        String summaryThroughBot = "query($bot: ID!) { bot(botId: $bot) { sessions { edges { node { summary { rounds } } } } } }";
        TestApiKeys keys = new TestApiKeys(port);
        GraphQlClient own = new GraphQlClient(port).withApiKey(keys.bot(BOT));
        GraphQlClient other = new GraphQlClient(port).withApiKey(keys.bot("another_bot"));

        JsonNode mine = ok(own.execute(summaryOfSession, Map.of("id", SESSION))).data("session");
        assertThat(mine.path("summary").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-46.70");
        assertThat(mine.path("equityCurve").get(0).path("profitLoss").decimalValue()).isEqualByComparingTo("-46.70");
        assertThat(ok(own.execute(summaryThroughBot, Map.of("bot", BOT))).data("bot.sessions.edges").get(0)
                .path("node").path("summary").path("rounds").asInt()).isEqualTo(10);

        GraphQlResponse refused = other.execute(summaryOfSession, Map.of("id", SESSION));
        assertThat(refused.classifications()).as(refused.body()).containsExactly("FORBIDDEN");
        assertThat(other.execute(summaryThroughBot, Map.of("bot", BOT)).classifications()).containsExactly("FORBIDDEN");
    }

    private JsonNode session(String sessionId, Map<String, Object> variables) {
        Map<String, Object> all = new java.util.HashMap<>(variables);
        all.put("id", sessionId);
        return ok(new GraphQlClient(port).execute(SESSION_ANALYTICS, all)).data("session");
    }

    /** Every figure the summary and the totals both have is equal, digit for digit (as the JSON has it). */
    private static void assertAgree(JsonNode session) {
        JsonNode totals = session.path("totals");
        JsonNode summary = session.path("summary");
        SoftAssertions softly = new SoftAssertions();
        Map.ofEntries(
                Map.entry("totalRounds", "rounds"), Map.entry("wins", "wins"), Map.entry("losses", "losses"),
                Map.entry("skips", "skips"), Map.entry("errors", "errors"), Map.entry("winRate", "winRate"),
                Map.entry("totalStaked", "totalStaked"), Map.entry("totalProfitLoss", "totalProfitLoss"),
                Map.entry("grossWin", "grossWin"), Map.entry("grossLoss", "grossLoss"),
                Map.entry("roiPercent", "roiPercent"), Map.entry("largestWin", "largestWin"),
                Map.entry("largestLoss", "largestLoss"), Map.entry("averageWin", "averageWin"),
                Map.entry("averageLoss", "averageLoss"), Map.entry("longestWinStreak", "longestWinStreak"),
                Map.entry("longestLossStreak", "longestLossStreak")).forEach((total, figure) ->
                softly.assertThat(summary.path(figure)).as(total + " / " + figure).isEqualTo(totals.path(total)));
        softly.assertThat(summary.path("maxDrawdown").path("amount")).as("max drawdown").isEqualTo(totals.path("maxDrawdown"));
        softly.assertThat(summary.path("maxDrawdown").path("percentOfPeak")).as("max drawdown %")
                .isEqualTo(totals.path("maxDrawdownPercent"));
        softly.assertThat(summary.path("currentDrawdown").path("amount")).as("current drawdown")
                .isEqualTo(totals.path("currentDrawdown"));
        // equity = C + P/L; the peak = equity + the current drawdown
        softly.assertThat(summary.path("startingCapital").decimalValue().add(summary.path("totalProfitLoss").decimalValue()))
                .as("equity").isEqualByComparingTo(totals.path("equity").decimalValue());
        softly.assertThat(totals.path("equity").decimalValue().add(summary.path("currentDrawdown").path("amount").decimalValue()))
                .as("peak").isEqualByComparingTo(totals.path("peakBalance").decimalValue());
        softly.assertAll();
    }

    private static void decimals(JsonNode node, Map<String, String> expected) {
        SoftAssertions softly = new SoftAssertions();
        expected.forEach((field, value) -> softly.assertThat(node.path(field).decimalValue()).as(field)
                .isEqualByComparingTo(value));
        softly.assertAll();
    }

    private static void drawdown(JsonNode drawdown, String amount, String percent, Instant peakAt, Instant troughAt) {
        assertThat(drawdown.path("amount").decimalValue()).as("amount").isEqualByComparingTo(amount);
        assertThat(drawdown.path("percentOfPeak").decimalValue()).as("percentOfPeak").isEqualByComparingTo(percent);
        assertThat(drawdown.path("peakAt").isNull() ? null : Instant.parse(drawdown.path("peakAt").asString()))
                .as("peakAt").isEqualTo(peakAt);
        assertThat(drawdown.path("troughAt").isNull() ? null : Instant.parse(drawdown.path("troughAt").asString()))
                .as("troughAt").isEqualTo(troughAt);
    }

    private static void point(JsonNode point, String start, int rounds, int wins, int losses, String staked,
                              String profitLoss, String cumulative, String roi, String winRate) {
        assertThat(Instant.parse(point.path("periodStart").asString())).isEqualTo(Instant.parse(start));
        assertThat(Instant.parse(point.path("periodEnd").asString())).isEqualTo(Instant.parse(start).plus(Duration.ofHours(1)));
        assertThat(List.of(point.path("rounds").asInt(), point.path("wins").asInt(), point.path("losses").asInt()))
                .containsExactly(rounds, wins, losses);
        decimals(point, Map.of("totalStaked", staked, "profitLoss", profitLoss, "cumulativeProfitLoss", cumulative,
                "roiPercent", roi, "winRate", winRate));
    }
}
