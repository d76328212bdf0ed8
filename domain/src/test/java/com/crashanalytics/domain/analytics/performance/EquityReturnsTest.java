package com.crashanalytics.domain.analytics.performance;

import static com.crashanalytics.domain.analytics.performance.Rounds.round;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.SKIP;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EquityReturnsTest {

    private static final Instant DAY_1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-03-02T10:00:00Z");

    /**
     * One session, initial balance 100, two UTC days.
     * <pre>
     * round  day  P/L     equity before  r = P/L / equity   1 + r   growth index V   peak V
     * 1      1    +10     100            +0.1               1.1     1.1              1.1
     * 2      1    −11     110            −0.1               0.9     0.99             1.1
     * 3      1    0 SKIP  99             0                  1       0.99             1.1
     * 4      2    −49.5   99             −0.5               0.5     0.495            1.1
     * 5      2    +49.5   49.5           +1                 2       0.99             1.1
     * </pre>
     * Σr = 0.5, mean 0.1; Σr² = 0.01 + 0.01 + 0 + 0.25 + 1 = 1.27; Σ(r − 0.1)² = 1.27 − 5 · 0.01 = 1.22;
     * s = √(1.22 / 4) = √0.305 → Sharpe = 0.1 / √0.305 ≈ 0.18107. Downside: (0.01 + 0.25) / 5 = 0.052 →
     * Sortino = 0.1 / √0.052 ≈ 0.43853.
     * TWR = 0.99 − 1 = −1.0000 %: the money went 100 → 99. Max fall of V: 1 − 0.495 / 1.1 = 0.55 → 55.0000 % (the
     * equity fell 110 → 49.5, 60.5 / 110 = 55 %); current: 1 − 0.99 / 1.1 = 0.1 → 10.0000 %.
     * Days: g₁ = 1.1 · 0.9 · 1 − 1 = −0.01, g₂ = 0.5 · 2 − 1 = 0; mean −0.005, s = √((0.005² · 2) / 1) = 0.005√2 →
     * daily Sharpe = −1/√2; downside √(0.01² / 2) = 0.005√2 → daily Sortino = −1/√2; annualised × √365.
     * Per bet (P/L / stake): +1, −1, −1, +1 → mean 0 → per-bet Sharpe 0.
     */
    @Test
    void returnsOnTheSessionsEquityPerRoundPerDayAndTimeWeighted() {
        RoundSeries series = RoundSeries.of(
                round("bot_a", "s1", DAY_1, WIN, "10", "10", null),
                round("bot_a", "s1", DAY_1.plusSeconds(60), LOSS, "11", "-11", null),
                round("bot_a", "s1", DAY_1.plusSeconds(120), SKIP, "0", "0", null),
                round("bot_a", "s1", DAY_2, LOSS, "49.5", "-49.5", null),
                round("bot_a", "s1", DAY_2.plusSeconds(60), WIN, "49.5", "49.5", null));

        EquityReturns equity = EquityReturns.of(series, Map.of("s1", new BigDecimal("100")), List.of());

        assertThat(equity.perRound().bets()).isEqualTo(5);
        assertThat(equity.perRound().sharpe()).isCloseTo(0.1 / Math.sqrt(0.305), within(1e-12));
        assertThat(equity.perRound().sortino()).isCloseTo(0.1 / Math.sqrt(0.052), within(1e-12));
        assertThat(equity.timeWeightedReturnPercent()).isEqualByComparingTo("-1.0000");
        assertThat(equity.maxDrawdownPercent()).isEqualByComparingTo("55.0000");
        assertThat(equity.currentDrawdownPercent()).isEqualByComparingTo("10.0000");
        assertThat(equity.perDay().bets()).isEqualTo(2);
        assertThat(equity.dailySharpe(false)).isCloseTo(-1 / Math.sqrt(2), within(1e-12));
        assertThat(equity.dailySortino(false)).isCloseTo(-1 / Math.sqrt(2), within(1e-12));
        assertThat(equity.dailySharpe(true)).isCloseTo(-Math.sqrt(365) / Math.sqrt(2), within(1e-9));
        assertThat(ReturnRatios.of(series).sharpe()).isCloseTo(0.0, within(1e-12));
    }

    /**
     * A martingale that made money: stakes 1, 2, 4 at 2x, lose, lose, win: P/L −1, −2, +4 = +1 on a bankroll of 100.
     * Per bet: −1, −1, +1, mean −1/3 &lt; 0, so the per-bet Sharpe is negative though the money grew. On equity:
     * −1/100, −2/99, +4/97, mean (−0.01 − 0.020202… + 0.041237…) / 3 &gt; 0, and the TWR telescopes to
     * 99/100 · 97/99 · 101/97 − 1 = +1.0000 %: the sign agrees with the money.
     */
    @Test
    void theSignOfTheEquityRatiosAgreesWithTheMoney() {
        RoundSeries series = RoundSeries.of(
                round("bot_a", "s1", DAY_1, LOSS, "1", "-1", null),
                round("bot_a", "s1", DAY_1.plusSeconds(60), LOSS, "2", "-2", null),
                round("bot_a", "s1", DAY_1.plusSeconds(120), WIN, "4", "4", null));

        EquityReturns equity = EquityReturns.of(series, Map.of("s1", new BigDecimal("100")), List.of());

        assertThat(ReturnRatios.of(series).sharpe()).isNegative();
        assertThat(equity.perRound().sharpe()).isPositive();
        double mean = (-1.0 / 100 - 2.0 / 99 + 4.0 / 97) / 3;
        double variance = (Math.pow(-1.0 / 100 - mean, 2) + Math.pow(-2.0 / 99 - mean, 2) + Math.pow(4.0 / 97 - mean, 2)) / 2;
        assertThat(equity.perRound().sharpe()).isCloseTo(mean / Math.sqrt(variance), within(1e-12));
        assertThat(equity.timeWeightedReturnPercent()).isEqualByComparingTo("1.0000");
    }

    /**
     * Each session brings its own capital (the D'Alembert demo bot's 285 %): two sessions of 100 each lose 90. The P/L
     * curve on the bot's implied capital (100) goes 100 → 10 → −80, a drawdown of 180 / 100 = 180 %; on equity each
     * round returns −0.9, V = 0.1 then 0.01: a drawdown of 99.0000 %, TWR −99.0000 %.
     */
    @Test
    void eachSessionStandsOnItsOwnCapitalSoTheDrawdownNeverExceedsAHundredPercent() {
        RoundSeries series = RoundSeries.of(
                round("bot_a", "s1", DAY_1, LOSS, "90", "-90", "10"),
                round("bot_a", "s2", DAY_2, LOSS, "90", "-90", "10"));

        PerformanceStats stats = PerformanceStats.of(series, series.impliedStartingCapital(),
                Map.of("s1", new BigDecimal("100"), "s2", new BigDecimal("100")), List.of());

        assertThat(stats.maxDrawdown().percentOfPeak()).isEqualByComparingTo("180.0000");
        assertThat(stats.equity().maxDrawdownPercent()).isEqualByComparingTo("99.0000");
        assertThat(stats.equity().timeWeightedReturnPercent()).isEqualByComparingTo("-99.0000");
    }

    /**
     * A deposit is capital, not P/L. Initial 100; round 1 loses 50 (r = −0.5, equity 50); the bot deposits 150
     * (equity 200); round 2 wins 100 (r = +0.5, equity 300). The money's P/L is +50, but a unit kept in play went
     * 1 → 0.5 → 0.75: TWR −25.0000 %, max drawdown 50.0000 %, current 25.0000 %. A withdrawal of 100 before round 2
     * instead (equity −50, bust, no return) leaves round 2 without a return.
     */
    @Test
    void capitalFlowsMoveTheEquityButAreNotReturns() {
        RoundSeries series = RoundSeries.of(
                round("bot_a", "s1", DAY_1, LOSS, "50", "-50", null),
                round("bot_a", "s1", DAY_2, WIN, "100", "100", null));
        Map<String, BigDecimal> initial = Map.of("s1", new BigDecimal("100"));

        EquityReturns withDeposit = EquityReturns.of(series, initial,
                List.of(new CapitalFlow("s1", DAY_1.plusSeconds(3600), new BigDecimal("150"))));

        assertThat(withDeposit.timeWeightedReturnPercent()).isEqualByComparingTo("-25.0000");
        assertThat(withDeposit.maxDrawdownPercent()).isEqualByComparingTo("50.0000");
        assertThat(withDeposit.currentDrawdownPercent()).isEqualByComparingTo("25.0000");

        EquityReturns withWithdrawal = EquityReturns.of(series, initial,
                List.of(new CapitalFlow("s1", DAY_1.plusSeconds(3600), new BigDecimal("-100"))));
        assertThat(withWithdrawal.perRound().bets()).isEqualTo(1);
        assertThat(withWithdrawal.timeWeightedReturnPercent()).isEqualByComparingTo("-50.0000");
    }

    @Test
    void aSessionOfUnknownCapitalHasNoReturns() {
        RoundSeries series = RoundSeries.of(round("bot_a", "s1", DAY_1, WIN, "1", "1", null));

        assertThat(EquityReturns.of(series, Map.of(), List.of())).isEqualTo(EquityReturns.NONE);
    }

    /** Fewer than two days of play: no daily ratio, annualised or not (an undefined ratio, not an error). */
    @Test
    void undefinedDailyRatiosStayUndefinedWhenAnnualised() {
        assertThat(EquityReturns.NONE.dailySharpe(true)).isNull();
        assertThat(EquityReturns.NONE.dailySortino(true)).isNull();
        assertThat(EquityReturns.NONE.dailySharpe(false)).isNull();
    }
}
