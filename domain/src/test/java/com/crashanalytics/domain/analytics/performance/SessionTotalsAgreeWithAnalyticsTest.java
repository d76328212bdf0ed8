package com.crashanalytics.domain.analytics.performance;

import static com.crashanalytics.domain.analytics.performance.Rounds.minute;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.domain.session.LedgerEntry;
import com.crashanalytics.domain.session.SessionTotals;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A session's running totals (kept by the write path one round at a time) and the analytics over the same rounds
 * (computed over the whole series) are two computations of the same definitions: a dashboard reads both, so every
 * figure they share must be equal, digit for digit. Each fixture is folded through {@link SessionTotals} and through
 * {@link PerformanceStats#of(RoundSeries, BigDecimal)} from the session's initial balance.
 */
class SessionTotalsAgreeWithAnalyticsTest {

    private static final String BOT = "bot_a";
    private static final String SESSION = "session_a";

    @Test
    void theHandWorkedTenRoundSession() {
        // The session of SessionTotalsTest and TenRoundSessionIT, C = 1000 (figures worked out there): peak 1015,
        // max drawdown 140 = 13.7931 %, equity 953.30, current drawdown 61.70.
        SessionTotals totals = assertAgree(new BigDecimal("1000"), tenRounds(null, null));

        assertThat(totals.maxDrawdown()).isEqualByComparingTo("140");
        assertThat(totals.maxDrawdownPercent()).isEqualTo(new BigDecimal("13.7931"));
    }

    @Test
    void theTenRoundSessionWithAMisreadBalance() {
        // Round 9 reports 978.30 before (the screen said 878.30 + 100) and 981.60 after; round 10 continues from it
        // to 1056.60. The bot's balance follows that; the equity, and so the peak and the drawdowns, do not:
        // still peak 1015, max drawdown 140, equity 953.30.
        SessionTotals totals = assertAgree(new BigDecimal("1000"), tenRounds(
                new String[] {"978.30", "981.60"}, new String[] {"981.60", "1056.60"}));

        assertThat(totals.currentBalance()).isEqualByComparingTo("1056.60");
        assertThat(totals.peakBalance()).isEqualByComparingTo("1015");
        assertThat(totals.equity()).isEqualByComparingTo("953.30");
    }

    @Test
    void thePerformanceTestSession() {
        // PerformanceStatsTest's session, C = 100: max drawdown 35 (115 → 80) = 30.4348 %, current 11.70.
        SessionTotals totals = assertAgree(new BigDecimal("100"), List.of(
                row(1, RoundOutcome.WIN, "10", "5.00", null, "105.00"),
                row(2, RoundOutcome.WIN, "10", "10.00", null, "115.00"),
                row(3, RoundOutcome.LOSS, "10", "-10.00", null, "105.00"),
                row(4, RoundOutcome.SKIP, "0", "0", null, "105.00"),
                row(5, RoundOutcome.LOSS, "20", "-20.00", null, "85.00"),
                row(6, RoundOutcome.ERROR, "0", "0", null, null),
                row(7, RoundOutcome.LOSS, "5", "-5.00", null, "80.00"),
                row(8, RoundOutcome.WIN, "10", "30.00", null, "110.00"),
                row(9, RoundOutcome.WIN, "10", "3.30", null, "113.30"),
                row(10, RoundOutcome.LOSS, "10", "-10.00", null, "103.30")));

        assertThat(totals.maxDrawdownPercent()).isEqualTo(new BigDecimal("30.4348"));
        assertThat(totals.currentDrawdown()).isEqualByComparingTo("11.70");
    }

    @Test
    void aSessionThatLostMoreThanItStartedWith() {
        // C = 10; the bot topped up its balance without logging it and lost 25: equity 10 → −15, a fall of 25 from
        // the peak of 10: 250 %.
        SessionTotals totals = assertAgree(BigDecimal.TEN, List.of(
                row(1, RoundOutcome.LOSS, "25", "-25", "100", "75")));

        assertThat(totals.maxDrawdownPercent()).isEqualTo(new BigDecimal("250.0000"));
    }

    @Test
    void roundingTiesGoTheSameWayInBoth() {
        // C = 2. #1 loses 0.000001: a fall of 1e-6 from 2, 0.00005 % — a tie at 4 decimals, half-up 0.0001
        // (half-even: 0.0000). Wins of 1 and 4 satoshi at 2.00x: average 2.5e-8, a tie at 8 decimals, half-up 3e-8
        // (half-even: 2e-8).
        List<Row> rows = List.of(
                row(1, RoundOutcome.LOSS, "0.000001", "-0.000001", null, null),
                row(2, RoundOutcome.WIN, "0.00000001", "0.00000001", null, null),
                row(3, RoundOutcome.WIN, "0.00000004", "0.00000004", null, null),
                row(4, RoundOutcome.LOSS, "0.00000002", "-0.00000002", null, null),
                row(5, RoundOutcome.LOSS, "0.00000003", "-0.00000003", null, null));
        SessionTotals totals = assertAgree(new BigDecimal("2"), rows);
        assertThat(totals.maxDrawdownPercent()).isEqualTo(new BigDecimal("0.0001"));
        assertThat(totals.averageWin()).isEqualTo(new BigDecimal("0.00000003"));

        // One win in 128 settled bets: 1 / 128 = 0.0078125, a tie at 6 decimals, half-up 0.007813 (half-even 0.007812).
        List<Row> oneWinIn128 = new ArrayList<>(List.of(row(1, RoundOutcome.WIN, "1", "1", null, null)));
        for (int number = 2; number <= 128; number++) {
            oneWinIn128.add(row(number, RoundOutcome.LOSS, "0.00000001", "-0.00000001", null, null));
        }
        assertThat(assertAgree(new BigDecimal("2"), oneWinIn128).winRate()).isEqualTo(new BigDecimal("0.007813"));
    }

    @Test
    void fiveHundredRandomSessions() {
        Random random = new Random(20261123);
        for (int session = 0; session < 500; session++) {
            BigDecimal capital = random.nextInt(5) == 0 ? BigDecimal.ZERO : money(random, 100_000, 2);
            List<Row> rows = new ArrayList<>();
            int rounds = 1 + random.nextInt(60);
            for (int number = 1; number <= rounds; number++) {
                rows.add(randomRow(random, number));
            }
            assertAgree(capital, rows);
        }
    }

    /** Folds the rows both ways and asserts every shared figure equal; answers the session's totals. */
    private static SessionTotals assertAgree(BigDecimal capital, List<Row> rows) {
        SessionTotals totals = SessionTotals.opening(capital);
        List<RoundResult> results = new ArrayList<>();
        for (Row row : rows) {
            totals = totals.after(row.ledgerEntry()).totals();
            results.add(row.roundResult());
        }
        RoundSeries series = new RoundSeries(results);
        PerformanceStats stats = PerformanceStats.of(series, capital);
        EquityCurve curve = EquityCurve.of(series, capital);
        RoundTotals expected = stats.totals();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(totals.totalRounds()).as("rounds").isEqualTo(expected.rounds());
        softly.assertThat(List.of(totals.wins(), totals.losses(), totals.skips(), totals.errors())).as("counts")
                .containsExactly((int) expected.wins(), (int) expected.losses(), (int) expected.skips(),
                        (int) expected.errors());
        softly.assertThat(totals.totalStaked()).as("total staked").isEqualByComparingTo(expected.totalStaked());
        softly.assertThat(totals.totalProfitLoss()).as("total P/L").isEqualByComparingTo(expected.totalProfitLoss());
        softly.assertThat(totals.grossWin()).as("gross win").isEqualByComparingTo(expected.grossWin());
        softly.assertThat(totals.grossLoss()).as("gross loss").isEqualByComparingTo(expected.grossLoss());
        softly.assertThat(compared(totals.largestWin())).as("largest win").isEqualTo(compared(expected.largestWin()));
        softly.assertThat(compared(totals.largestLoss())).as("largest loss").isEqualTo(compared(expected.largestLoss()));
        // Quotients: equal with their scale, i.e. rounded alike.
        softly.assertThat(totals.winRate()).as("win rate").isEqualTo(expected.winRate());
        softly.assertThat(totals.roiPercent()).as("ROI %").isEqualTo(expected.roiPercent());
        softly.assertThat(totals.averageWin()).as("average win").isEqualTo(expected.averageWin());
        softly.assertThat(totals.averageLoss()).as("average loss").isEqualTo(expected.averageLoss());
        softly.assertThat(totals.longestWinStreak()).as("longest win streak")
                .isEqualTo(stats.streaks().longestWinStreak());
        softly.assertThat(totals.longestLossStreak()).as("longest loss streak")
                .isEqualTo(stats.streaks().longestLossStreak());
        softly.assertThat(totals.equity()).as("equity").isEqualByComparingTo(curve.finalLevel());
        softly.assertThat(totals.peakBalance()).as("peak").isEqualByComparingTo(curve.peakLevel());
        softly.assertThat(totals.maxDrawdown()).as("max drawdown").isEqualByComparingTo(stats.maxDrawdown().amount());
        softly.assertThat(totals.maxDrawdownPercent()).as("max drawdown %")
                .isEqualTo(stats.maxDrawdown().percentOfPeak());
        softly.assertThat(totals.currentDrawdown()).as("current drawdown")
                .isEqualByComparingTo(stats.currentDrawdown().amount());
        softly.assertAll();
        return totals;
    }

    /**
     * The ten rounds of the hand-worked session; {@code nine} and {@code ten}, when given, are the balances before and
     * after those rounds as the bot reports them.
     */
    private static List<Row> tenRounds(String @Nullable [] nine, String @Nullable [] ten) {
        return List.of(
                row(1, RoundOutcome.WIN, "10", "5.00", null, null),
                row(2, RoundOutcome.WIN, "10", "10.00", null, null),
                row(3, RoundOutcome.LOSS, "20", "-20", null, null),
                row(4, RoundOutcome.SKIP, "0", "0", null, null),
                row(5, RoundOutcome.LOSS, "40", "-40", null, null),
                row(6, RoundOutcome.ERROR, "0", "0", null, null),
                row(7, RoundOutcome.WIN, "80", "20.00", null, null),
                row(8, RoundOutcome.LOSS, "100", "-100", null, null),
                row(9, RoundOutcome.WIN, "10", "3.30", nine == null ? null : nine[0], nine == null ? null : nine[1]),
                row(10, RoundOutcome.WIN, "25", "75.00", ten == null ? null : ten[0], ten == null ? null : ten[1]));
    }

    private static Row randomRow(Random random, int number) {
        RoundOutcome outcome = RoundOutcome.values()[random.nextInt(RoundOutcome.values().length)];
        // Stakes with 2 decimals, or crypto-sized ones with 8, so that quotients land on every digit (ties included).
        BigDecimal stake = random.nextBoolean() ? money(random, 10_000, 2) : money(random, 100, 8);
        if (stake.signum() == 0) {
            stake = BigDecimal.ONE;
        }
        BigDecimal profitLoss = switch (outcome) {
            case WIN -> stake.multiply(money(random, 900, 2)).divide(BigDecimal.valueOf(100)); // cash-out 1.00x–10.00x
            case LOSS -> stake.negate();
            case SKIP -> BigDecimal.ZERO;
            case ERROR -> random.nextBoolean() ? BigDecimal.ZERO : money(random, 200, 2).subtract(BigDecimal.valueOf(1));
        };
        if (outcome == RoundOutcome.SKIP || outcome == RoundOutcome.ERROR && random.nextBoolean()) {
            stake = BigDecimal.ZERO;
        }
        String before = random.nextInt(4) == 0 ? money(random, 100_000, 2).toPlainString() : null;
        String after = random.nextInt(3) == 0 ? money(random, 100_000, 2).toPlainString() : null;
        return new Row(number, outcome, stake, profitLoss, before == null ? null : new BigDecimal(before),
                after == null ? null : new BigDecimal(after));
    }

    /** A random amount below {@code units} with {@code decimals} decimals. */
    private static BigDecimal money(Random random, long units, int decimals) {
        long scaled = (long) (random.nextDouble() * units * Math.pow(10, decimals));
        return BigDecimal.valueOf(scaled, decimals);
    }

    private static @Nullable String compared(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static Row row(int number, RoundOutcome outcome, String stake, String profitLoss,
                           @Nullable String reportedBefore, @Nullable String reportedAfter) {
        return new Row(number, outcome, new BigDecimal(stake), new BigDecimal(profitLoss),
                reportedBefore == null ? null : new BigDecimal(reportedBefore),
                reportedAfter == null ? null : new BigDecimal(reportedAfter));
    }

    /** One round as the write path and the analytics both see it; round i starts at minute i. */
    private record Row(int number, RoundOutcome outcome, BigDecimal stake, BigDecimal profitLoss,
                       @Nullable BigDecimal reportedBefore, @Nullable BigDecimal reportedAfter) {

        LedgerEntry ledgerEntry() {
            return new LedgerEntry(number, LedgerEntry.Kind.valueOf(outcome.name()), stake, profitLoss, reportedBefore,
                    reportedAfter);
        }

        RoundResult roundResult() {
            return new RoundResult(minute(number), outcome, stake, profitLoss, reportedAfter, BOT, SESSION);
        }
    }
}
