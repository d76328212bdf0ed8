package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * A session of ten rounds whose every derived number was worked out by hand (initial balance C = 1000.00). The bot
 * reports no balance of its own, so its balance and the equity (C + cumulative P/L, which peak and drawdown are
 * measured on) are the same column here; {@link #aMisreadBalanceMovesTheBalanceButNotThePeakOrTheDrawdown} shows
 * them apart.
 *
 * <pre>
 *  #  outcome  stake  target  crash  cash-out  P/L = derivation   equity = balance  peak  drawdown  category    streak W/L
 *  1  WIN        10   1.50    2.10   1.50        5.00 = 10 × 0.50  1005.00           1005      0     small_win   1/0  (5 < 10)
 *  2  WIN        10   2.00    3.45   2.00       10.00 = 10 × 1.00  1015.00           1015      0     big_win     2/0  (10 ≥ 10)
 *  3  LOSS       20   1.50    1.12     -       -20.00               995.00           1015     20     small_loss  0/1  (20 < 10% of 1015)
 *  4  SKIP        0     -     5.00     -         0                  995.00           1015     20     break_even  0/1  (skip: streak kept)
 *  5  LOSS       40   1.50    1.00     -       -40.00               955.00           1015     60     small_loss  0/2  (40 < 99.5)
 *  6  ERROR       0     -       -      -         0                  955.00           1015     60     break_even  0/2  (error: streak kept)
 *  7  WIN        80   1.25    1.30   1.25       20.00 = 80 × 0.25   975.00           1015     40     small_win   1/0
 *  8  LOSS      100   1.25    1.01     -      -100.00               875.00           1015    140     big_loss    0/1  (100 ≥ 97.5)
 *  9  WIN        10   1.33    1.40   1.33        3.30 = 10 × 0.33   878.30           1015    136.70  small_win   1/0
 * 10  WIN        25   4.00   10.50   4.00       75.00 = 25 × 3.00   953.30           1015     61.70  big_win     2/0
 * </pre>
 *
 * Totals: 5 wins, 3 losses, 1 skip, 1 error; win rate 5/8 = 0.625; staked 295; P/L −46.70; gross win 113.30,
 * gross loss 160; largest win 75, loss 100; average win 22.66, loss 160/3 = 53.333333… → 53.33333333 (half-up to
 * 8 decimals); ROI −46.70 × 100 / 295 = −15.830508… → −15.8305; equity 1000 − 46.70 = 953.30; peak 1015; max
 * drawdown 1015 − 875 = 140, its percentage of its own peak 140 × 100 / 1015 = 13.793103… → 13.7931; current
 * drawdown 1015 − 953.30 = 61.70; longest streaks 2 and 2.
 */
@GatewayIntegrationTest
class TenRoundSessionIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WritePath writePath;

    @BeforeEach
    void aBotInAnActiveSession() {
        writePath = new WritePath(new GraphQlClient(port), jdbc).activeSession();
    }

    @Test
    void roundByRoundTheTotalsStreaksAndDrawdownAreAsWorkedOutByHand() {
        for (Map<String, Object> round : WritePath.tenRoundSession()) {
            ok(writePath.logRound(round));
        }

        assertTheHandWorkedSession();
    }

    @Test
    void asOneBatchTheNumbersAreTheSame() {
        JsonNode payload = ok(writePath.logRounds(WritePath.tenRoundSession())).data("logRounds");

        assertThat(payload.path("written").asInt()).isEqualTo(10);
        assertThat(payload.path("duplicates").asInt()).isZero();
        assertTheHandWorkedSession();
    }

    @Test
    void roundsArrivingOutOfOrderGiveTheSameNumbersAsInOrder() {
        // 1-3, then 7-10, then the late 4-6 (a bot that re-sent a lost batch), one of them alone.
        List<Map<String, Object>> rounds = WritePath.tenRoundSession();
        ok(writePath.logRounds(rounds.subList(0, 3)));
        ok(writePath.logRounds(rounds.subList(6, 10)));
        ok(writePath.logRound(rounds.get(4)));
        ok(writePath.logRounds(List.of(rounds.get(5), rounds.get(3))));

        assertTheHandWorkedSession();
    }

    private void assertTheHandWorkedSession() {
        JsonNode totals = writePath.session(SESSION).path("totals");
        assertThat(totals.path("totalRounds").asInt()).isEqualTo(10);
        assertThat(List.of(totals.path("wins").asInt(), totals.path("losses").asInt(), totals.path("skips").asInt(),
                totals.path("errors").asInt())).containsExactly(5, 3, 1, 1);
        assertDecimal(totals, "winRate", "0.625");
        assertDecimal(totals, "totalStaked", "295");
        assertDecimal(totals, "totalProfitLoss", "-46.70");
        assertDecimal(totals, "grossWin", "113.30");
        assertDecimal(totals, "grossLoss", "160");
        assertDecimal(totals, "largestWin", "75");
        assertDecimal(totals, "largestLoss", "100");
        assertDecimal(totals, "averageWin", "22.66");
        assertDecimal(totals, "averageLoss", "53.33333333");
        assertDecimal(totals, "roiPercent", "-15.8305");
        assertDecimal(totals, "currentBalance", "953.30");
        assertDecimal(totals, "equity", "953.30");
        assertDecimal(totals, "peakBalance", "1015");
        assertDecimal(totals, "maxDrawdown", "140");
        assertDecimal(totals, "maxDrawdownPercent", "13.7931");
        assertDecimal(totals, "currentDrawdown", "61.70");
        assertThat(totals.path("lastRoundNumber").asInt()).isEqualTo(10);
        assertThat(List.of(totals.path("currentWinStreak").asInt(), totals.path("currentLossStreak").asInt(),
                totals.path("longestWinStreak").asInt(), totals.path("longestLossStreak").asInt()))
                .containsExactly(2, 0, 2, 2);

        List<Map<String, Object>> outcomes = jdbc.queryForList("""
                SELECT round_number, outcome_category, win_streak_length, loss_streak_length, balance_after,
                       profit_loss, hit_target, multiplier_error
                FROM analytics_round_outcomes ORDER BY round_number
                """);
        assertThat(outcomes).extracting(o -> o.get("outcome_category")).containsExactly("small_win", "big_win",
                "small_loss", "break_even", "small_loss", "break_even", "small_win", "big_loss", "small_win", "big_win");
        assertThat(outcomes).extracting(o -> o.get("win_streak_length")).containsExactly(1, 2, 0, 0, 0, 0, 1, 0, 1, 2);
        assertThat(outcomes).extracting(o -> o.get("loss_streak_length")).containsExactly(0, 0, 1, 1, 2, 2, 0, 1, 0, 0);
        assertThat(outcomes).extracting(o -> ((BigDecimal) o.get("balance_after")).stripTrailingZeros().toPlainString())
                .containsExactly("1005", "1015", "995", "995", "955", "955", "975", "875", "878.3", "953.3");
        assertThat(outcomes).extracting(o -> ((BigDecimal) o.get("profit_loss")).stripTrailingZeros().toPlainString())
                .containsExactly("5", "10", "-20", "0", "-40", "0", "20", "-100", "3.3", "75");
        // WINs cashed out at their target; LOSSes missed it; SKIP and ERROR have none
        assertThat(outcomes).extracting(o -> o.get("hit_target"))
                .containsExactly(true, true, false, null, false, null, true, false, true, true);
        // LOSS 3: crash 1.12 − target 1.50 = −0.38
        assertThat((BigDecimal) outcomes.get(2).get("multiplier_error")).isEqualByComparingTo("-0.38");
        List<String> flags = jdbc.queryForList(
                "SELECT array_to_string(data_quality_flags, ',') FROM crash_game_rounds ORDER BY round_number", String.class);
        assertThat(flags).allMatch(String::isEmpty);
        List<BigDecimal> rois = new ArrayList<>();
        jdbc.query("SELECT roi_percent FROM crash_game_rounds ORDER BY round_number", rs -> {
            rois.add(rs.getBigDecimal(1));
        });
        // 5/10, 10/10, −20/20, none, −40/40, none, 20/80, −100/100, 3.3/10, 75/25 as percentages
        assertThat(rois).extracting(r -> r == null ? null : r.stripTrailingZeros().toPlainString())
                .containsExactly("50", "100", "-100", null, "-100", null, "25", "-100", "33", "300");
    }

    @Test
    void aMisreadBalanceMovesTheBalanceButNotThePeakOrTheDrawdown() {
        // Round 9 reports 978.30 before (the screen said 100 more than the 878.30 after round 8) and 981.60 after;
        // round 10 continues from it to 1056.60. Round 9 is flagged; the bot's balance follows what it reported.
        // Equity, peak and drawdowns follow the validated P/L, as in the session above: had the peak followed the
        // balance, it would be 1056.60 and the current drawdown 0.
        List<Map<String, Object>> rounds = new ArrayList<>(WritePath.tenRoundSession());
        rounds.set(8, with(rounds.get(8), "runningBalanceBefore", "978.30", "runningBalanceAfter", "981.60"));
        rounds.set(9, with(rounds.get(9), "runningBalanceBefore", "981.60", "runningBalanceAfter", "1056.60"));
        ok(writePath.logRounds(rounds));

        JsonNode totals = writePath.session(SESSION).path("totals");
        assertDecimal(totals, "currentBalance", "1056.60");
        assertDecimal(totals, "equity", "953.30");
        assertDecimal(totals, "peakBalance", "1015");
        assertDecimal(totals, "maxDrawdown", "140");
        assertDecimal(totals, "maxDrawdownPercent", "13.7931");
        assertDecimal(totals, "currentDrawdown", "61.70");
        assertThat(jdbc.queryForList(
                "SELECT array_to_string(data_quality_flags, ',') FROM crash_game_rounds ORDER BY round_number", String.class))
                .containsExactly("", "", "", "", "", "", "", "", "BALANCE_DISCONTINUITY", "");
        assertThat(jdbc.queryForObject("SELECT peak_balance FROM session_logs", BigDecimal.class))
                .isEqualByComparingTo("1015");
    }

    @Test
    void endingTheSessionKeepsTheTrackedBalanceAsItsFinalBalance() {
        ok(writePath.logRounds(WritePath.tenRoundSession()));

        JsonNode session = ok(new GraphQlClient(port).execute(WritePath.END_SESSION, Map.of("input", Map.of(
                "botId", WritePath.BOT, "sessionId", SESSION, "status", "COMPLETED", "notes", "target reached"))))
                .data("endSession.session");

        assertThat(session.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(session.path("finalBalance").decimalValue()).isEqualByComparingTo("953.30");
        assertThat(session.path("stale").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT final_balance FROM session_logs", BigDecimal.class))
                .isEqualByComparingTo("953.30");
    }

    private static void assertDecimal(JsonNode node, String field, String expected) {
        assertThat(node.path(field).decimalValue()).as(field).isEqualByComparingTo(expected);
    }
}
