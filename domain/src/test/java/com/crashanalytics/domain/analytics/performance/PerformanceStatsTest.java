package com.crashanalytics.domain.analytics.performance;

import static com.crashanalytics.domain.analytics.performance.Rounds.minute;
import static com.crashanalytics.domain.analytics.performance.Rounds.round;
import static com.crashanalytics.domain.round.RoundOutcome.ERROR;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.SKIP;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class PerformanceStatsTest {

    /**
     * One session that started with 100.00. Level = 100 + cumulative P/L; bets are the rounds with a stake.
     * <pre>
     *  #  outcome stake  P/L    balance  level   peak  fall  return
     *  1  WIN     10     +5.00  105.00   105.00  105     0    0.5
     *  2  WIN     10    +10.00  115.00   115.00  115     0    1
     *  3  LOSS    10    −10.00  105.00   105.00  115    10   −1
     *  4  SKIP     0      0     105.00   105.00  115    10    –
     *  5  LOSS    20    −20.00   85.00    85.00  115    30   −1
     *  6  ERROR    0      0     (none)    85.00  115    30    –
     *  7  LOSS     5     −5.00   80.00    80.00  115    35   −1
     *  8  WIN     10    +30.00  110.00   110.00  115     5    3
     *  9  WIN     10     +3.30  113.30   113.30  115  1.70    0.33
     * 10  LOSS    10    −10.00  103.30   103.30  115 11.70   −1
     * </pre>
     */
    private static final RoundSeries SESSION = RoundSeries.of(
            round(1, WIN, "10", "5.00", "105.00"),
            round(2, WIN, "10", "10.00", "115.00"),
            round(3, LOSS, "10", "-10.00", "105.00"),
            round(4, SKIP, "0", "0", "105.00"),
            round(5, LOSS, "20", "-20.00", "85.00"),
            round(6, ERROR, "0", "0", null),
            round(7, LOSS, "5", "-5.00", "80.00"),
            round(8, WIN, "10", "30.00", "110.00"),
            round(9, WIN, "10", "3.30", "113.30"),
            round(10, LOSS, "10", "-10.00", "103.30"));

    @Test
    void countsAndMoney() {
        RoundTotals totals = PerformanceStats.of(SESSION, new BigDecimal("100")).totals();

        assertThat(totals.rounds()).isEqualTo(10);
        assertThat(totals.wins()).isEqualTo(4);   // #1 #2 #8 #9
        assertThat(totals.losses()).isEqualTo(4); // #3 #5 #7 #10
        assertThat(totals.skips()).isEqualTo(1);
        assertThat(totals.errors()).isEqualTo(1);
        // 4 / (4 + 4)
        assertThat(totals.winRate()).isEqualByComparingTo("0.5").hasScaleOf(6);
        // 10 + 10 + 10 + 0 + 20 + 0 + 5 + 10 + 10 + 10
        assertThat(totals.totalStaked()).isEqualByComparingTo("85");
        // gross win 5 + 10 + 30 + 3.30 = 48.30; gross loss 10 + 20 + 5 + 10 = 45; total 48.30 − 45 = 3.30
        assertThat(totals.grossWin()).isEqualByComparingTo("48.30");
        assertThat(totals.grossLoss()).isEqualByComparingTo("45");
        assertThat(totals.totalProfitLoss()).isEqualByComparingTo("3.30");
        // 3.30 × 100 / 85 = 3.882352… → 3.8824
        assertThat(totals.roiPercent()).isEqualTo(new BigDecimal("3.8824"));
        // 3.30 / 10 rounds
        assertThat(totals.averageProfitLoss()).isEqualTo(new BigDecimal("0.33000000"));
        // 48.30 / 45 = 1.073333…
        assertThat(totals.profitFactor()).isEqualTo(new BigDecimal("1.073333"));
        // (48.30 − 45) / 8 = 0.4125 = 0.5 × 12.075 − 0.5 × 11.25
        assertThat(totals.expectancy()).isEqualTo(new BigDecimal("0.41250000"));
        assertThat(totals.largestWin()).isEqualByComparingTo("30");
        assertThat(totals.averageWin()).isEqualTo(new BigDecimal("12.07500000")); // 48.30 / 4
        assertThat(totals.largestLoss()).isEqualByComparingTo("20");
        assertThat(totals.averageLoss()).isEqualTo(new BigDecimal("11.25000000")); // 45 / 4
    }

    @Test
    void drawdownsFollowTheLevelFromTheStartingCapital() {
        PerformanceStats stats = PerformanceStats.of(SESSION, new BigDecimal("100"));

        // the largest fall: peak 115 after #2, trough 80 after #7: 35, and 35 × 100 / 115 = 30.434782… → 30.4348
        assertThat(stats.maxDrawdown()).isEqualTo(new Drawdown(
                new BigDecimal("35.00"), new BigDecimal("30.4348"), minute(2), minute(7)));
        // now: 115 − 103.30 = 11.70, and 11.70 × 100 / 115 = 10.173913… → 10.1739
        assertThat(stats.currentDrawdown()).isEqualTo(new Drawdown(
                new BigDecimal("11.70"), new BigDecimal("10.1739"), minute(2), minute(10)));
    }

    @Test
    void streaksSkipOverSkipsAndErrors() {
        // settled outcomes in order: W W L (skip) L (error) L W W L → longest win 2, longest loss 3 (#3 #5 #7)
        assertThat(PerformanceStats.of(SESSION).streaks()).isEqualTo(new Streaks(2, 3));
    }

    @Test
    void sharpeAndSortinoOfThePerRoundReturns() {
        ReturnRatios ratios = PerformanceStats.of(SESSION).returns();

        // 8 bets, returns 0.5, 1, −1, −1, −1, 3, 0.33, −1: Σ = 0.83, mean = 0.83 / 8 = 0.10375
        // Σ r² = 0.25 + 1 + 1 + 1 + 1 + 9 + 0.1089 + 1 = 14.3589; Σ (r − mean)² = 14.3589 − 8 × 0.10375² = 14.2727875
        // s = √(14.2727875 / 7) = √2.0389696428… = 1.4279249…; Sharpe = 0.10375 / 1.4279249 = 0.0726579
        assertThat(ratios.bets()).isEqualTo(8);
        assertThat(ratios.sharpe()).isCloseTo(0.0726579, within(1e-7));
        // downside: four returns of −1, Σ min(r, 0)² = 4 over all 8 returns: d = √(4 / 8) = √0.5
        // Sortino = 0.10375 / √0.5 = 0.10375 × √2 = 0.14672466
        assertThat(ratios.sortino()).isCloseTo(0.10375 * Math.sqrt(2), within(1e-15));
    }

    @Test
    void returnsOfWholeStakesHaveClosedForms() {
        // returns +1, +1, −1 (two wins at 2.00x, one loss): mean 1/3
        // s² = ((2/3)² + (2/3)² + (4/3)²) / 2 = (24/9) / 2 = 4/3, s = 2/√3 → Sharpe = (1/3) / (2/√3) = √3 / 6
        // d² = 1 / 3 (one shortfall of 1 over three returns), d = 1/√3 → Sortino = (1/3) · √3 = √3 / 3
        RoundSeries series = RoundSeries.of(
                round(1, WIN, "10", "10", null), round(2, WIN, "10", "10", null), round(3, LOSS, "10", "-10", null));

        ReturnRatios ratios = ReturnRatios.of(series);

        assertThat(ratios.sharpe()).isCloseTo(Math.sqrt(3) / 6, within(1e-15));
        assertThat(ratios.sortino()).isCloseTo(Math.sqrt(3) / 3, within(1e-15));
    }

    @Test
    void firstAndLastRoundTimes() {
        PerformanceStats stats = PerformanceStats.of(SESSION);

        assertThat(stats.firstRoundAt()).isEqualTo(minute(1));
        assertThat(stats.lastRoundAt()).isEqualTo(minute(10));
    }

    @Test
    void theStartingCapitalIsImpliedByTheFirstReportedBalance() {
        // 105.00 after #1 minus the P/L up to it (+5.00) = 100.00: the same curve as with the initial balance
        assertThat(SESSION.impliedStartingCapital()).isEqualByComparingTo("100");
        assertThat(PerformanceStats.of(SESSION).maxDrawdown().percentOfPeak()).isEqualTo(new BigDecimal("30.4348"));
    }

    @Test
    void anEmptySeriesHasCountsOfZeroAndNoRatios() {
        PerformanceStats stats = PerformanceStats.of(new RoundSeries(List.of()), new BigDecimal("100"));
        RoundTotals totals = stats.totals();

        assertThat(totals).isEqualTo(RoundTotals.NONE);
        assertThat(totals.winRate()).isNull();
        assertThat(totals.roiPercent()).isNull();
        assertThat(totals.averageProfitLoss()).isNull();
        assertThat(totals.profitFactor()).isNull();
        assertThat(totals.expectancy()).isNull();
        assertThat(totals.averageWin()).isNull();
        assertThat(totals.averageLoss()).isNull();
        assertThat(stats.returns()).isEqualTo(new ReturnRatios(0, null, null));
        assertThat(stats.streaks()).isEqualTo(new Streaks(0, 0));
        // no fall from the capital of 100: 0 × 100 / 100 = 0.0000 %
        assertThat(stats.maxDrawdown()).isEqualTo(new Drawdown(BigDecimal.ZERO, new BigDecimal("0.0000"), null, null));
        assertThat(stats.currentDrawdown()).isEqualTo(stats.maxDrawdown());
        assertThat(stats.firstRoundAt()).isNull();
        assertThat(stats.lastRoundAt()).isNull();
        // and with no capital at all there is nothing to take a percentage of
        assertThat(PerformanceStats.of(new RoundSeries(List.of())).maxDrawdown().percentOfPeak()).isNull();
    }

    @Test
    void aSingleWinningRound() {
        // won 3.30 on a stake of 10 (cash-out at 1.33x); 103.30 after it, so the capital was 103.30 − 3.30 = 100
        PerformanceStats stats = PerformanceStats.of(RoundSeries.of(round(1, WIN, "10", "3.30", "103.30")));
        RoundTotals totals = stats.totals();

        assertThat(stats.startingCapital()).isEqualByComparingTo("100");
        assertThat(totals.winRate()).isEqualTo(new BigDecimal("1.000000"));
        assertThat(totals.roiPercent()).isEqualTo(new BigDecimal("33.0000")); // 3.30 × 100 / 10
        assertThat(totals.profitFactor()).isNull();                            // no losses
        assertThat(totals.expectancy()).isEqualTo(new BigDecimal("3.30000000"));
        assertThat(totals.largestWin()).isEqualByComparingTo("3.30");
        assertThat(totals.largestLoss()).isNull();
        assertThat(stats.returns()).isEqualTo(new ReturnRatios(1, null, null)); // one return has no spread
        assertThat(stats.streaks()).isEqualTo(new Streaks(1, 0));
        // always at its peak (103.30 > 0): no drawdown, 0 %
        assertThat(stats.maxDrawdown()).isEqualTo(new Drawdown(BigDecimal.ZERO, new BigDecimal("0.0000"), null, null));
        assertThat(stats.firstRoundAt()).isEqualTo(stats.lastRoundAt()).isEqualTo(minute(1));
    }

    @Test
    void allLosses() {
        // three losses of 10; balances 90, 80, 70, so the capital was 90 − (−10) = 100
        RoundSeries series = RoundSeries.of(
                round(1, LOSS, "10", "-10", "90"), round(2, LOSS, "10", "-10", "80"), round(3, LOSS, "10", "-10", "70"));

        PerformanceStats stats = PerformanceStats.of(series);
        RoundTotals totals = stats.totals();

        assertThat(totals.winRate()).isEqualTo(new BigDecimal("0.000000"));
        assertThat(totals.roiPercent()).isEqualTo(new BigDecimal("-100.0000")); // −30 × 100 / 30
        assertThat(totals.profitFactor()).isEqualTo(new BigDecimal("0.000000"));  // 0 / 30: losses, so not null
        assertThat(totals.expectancy()).isEqualTo(new BigDecimal("-10.00000000"));
        assertThat(totals.averageLoss()).isEqualTo(new BigDecimal("10.00000000"));
        assertThat(totals.averageWin()).isNull();
        assertThat(stats.streaks()).isEqualTo(new Streaks(0, 3));
        // returns −1, −1, −1: no spread, so no Sharpe; d = √(3 / 3) = 1, Sortino = −1 / 1
        assertThat(stats.returns().sharpe()).isNull();
        assertThat(stats.returns().sortino()).isEqualTo(-1.0);
        // the peak is the capital itself, before the first round: 100 → 70, 30 × 100 / 100 = 30 %
        Drawdown fall = new Drawdown(new BigDecimal("30"), new BigDecimal("30.0000"), null, minute(3));
        assertThat(stats.maxDrawdown()).isEqualTo(fall);
        assertThat(stats.currentDrawdown()).isEqualTo(fall);
    }

    @Test
    void aSessionThatGoesBustHasADrawdownOfAHundredPercent() {
        // capital 50; a win of 10 at 2.00x (level 60), then all 60 on one bet, lost (level 0)
        RoundSeries series = RoundSeries.of(round(1, WIN, "10", "10", "60"), round(2, LOSS, "60", "-60", "0"));

        PerformanceStats stats = PerformanceStats.of(series, new BigDecimal("50"));
        RoundTotals totals = stats.totals();

        Drawdown bust = new Drawdown(new BigDecimal("60"), new BigDecimal("100.0000"), minute(1), minute(2));
        assertThat(stats.maxDrawdown()).isEqualTo(bust);
        assertThat(stats.currentDrawdown()).isEqualTo(bust);
        assertThat(totals.totalProfitLoss()).isEqualByComparingTo("-50");
        assertThat(totals.roiPercent()).isEqualTo(new BigDecimal("-71.4286")); // −50 × 100 / 70 = −71.428571…
        assertThat(totals.profitFactor()).isEqualTo(new BigDecimal("0.166667")); // 10 / 60 = 0.1666…
        assertThat(totals.averageProfitLoss()).isEqualTo(new BigDecimal("-25.00000000")); // −50 / 2
        // returns +1 and −1: mean 0, so both ratios are exactly 0
        assertThat(stats.returns()).isEqualTo(new ReturnRatios(2, 0.0, 0.0));
    }

    @Test
    void withoutACapitalDrawdownsHaveAnAmountButNoPercentage() {
        // no balances and no capital: the curve is the cumulative P/L 0 → −5 → +5 → −15; peak 5 after #2
        RoundSeries series = RoundSeries.of(
                round(1, LOSS, "5", "-5", null), round(2, WIN, "10", "10", null), round(3, LOSS, "20", "-20", null));

        PerformanceStats stats = PerformanceStats.of(series);

        assertThat(stats.startingCapital()).isNull();
        assertThat(stats.maxDrawdown()).isEqualTo(new Drawdown(new BigDecimal("20"), null, minute(2), minute(3)));
    }
}
