package com.crashanalytics.domain.analytics.performance;

import static com.crashanalytics.domain.analytics.performance.Rounds.minute;
import static com.crashanalytics.domain.analytics.performance.Rounds.round;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoundSeriesTest {

    /**
     * Two bots playing at once, each in its own session:
     * <pre>
     *  minute bot  outcome  P/L  balance   portfolio level (150 + cumulative P/L)
     *  1      A    WIN      +10  110       160
     *  2      B    LOSS      −5   45       155
     *  3      A    WIN      +10  120       165  (peak)
     *  4      B    LOSS      −5   40       160
     *  5      A    LOSS     −10  110       150
     *  6      B    LOSS      −5  (none)    145  (trough)
     * </pre>
     */
    private static final RoundSeries TWO_BOTS = RoundSeries.of(
            round("bot_a", "session_a", minute(1), WIN, "10", "10", "110"),
            round("bot_b", "session_b", minute(2), LOSS, "5", "-5", "45"),
            round("bot_a", "session_a", minute(3), WIN, "10", "10", "120"),
            round("bot_b", "session_b", minute(4), LOSS, "5", "-5", "40"),
            round("bot_a", "session_a", minute(5), LOSS, "10", "-10", "110"),
            round("bot_b", "session_b", minute(6), LOSS, "5", "-5", null));

    @Test
    void eachBotBringsItsOwnBankroll() {
        // A: 110 − 10 = 100 before minute 1; B: 45 − (−5) = 50 before minute 2; together 150
        assertThat(TWO_BOTS.impliedStartingCapital()).isEqualByComparingTo("150");
    }

    @Test
    void thePortfolioCurveAddsTheBotsUp() {
        // peak 165 after minute 3, trough 145 after minute 6: 20, and 20 × 100 / 165 = 12.121212… → 12.1212
        assertThat(PerformanceStats.of(TWO_BOTS).maxDrawdown()).isEqualTo(
                new Drawdown(new BigDecimal("20"), new BigDecimal("12.1212"), minute(3), minute(6)));
    }

    @Test
    void streaksStayInsideTheirSession() {
        // A: W W L → longest win 2; B: L L L → longest loss 3. Interleaved the series reads W L W L L L, where a
        // streak across bots would find no two wins in a row.
        assertThat(Streaks.of(TWO_BOTS)).isEqualTo(new Streaks(2, 3));
    }

    @Test
    void aBotThatNeverReportedABalanceLeavesTheCapitalUnknown() {
        RoundSeries series = RoundSeries.of(
                round("bot_a", "session_a", minute(1), WIN, "10", "10", "110"),
                round("bot_b", "session_b", minute(2), LOSS, "5", "-5", null));

        assertThat(series.impliedStartingCapital()).isNull();
        assertThat(new RoundSeries(List.of()).impliedStartingCapital()).isNull();
    }

    @Test
    void roundsMustBeInTimeOrderButMayShareAnInstant() {
        assertThatThrownBy(() -> RoundSeries.of(round(2, WIN, "1", "1", null), round(1, WIN, "1", "1", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
        assertThat(RoundSeries.of(round(1, WIN, "1", "1", null), round(1, LOSS, "1", "-1", null)).rounds()).hasSize(2);
    }

    @Test
    void aRoundNeverHasANegativeStakeOrBalance() {
        assertThatThrownBy(() -> round(1, LOSS, "-1", "0", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> round(1, LOSS, "1", "-1", "-0.01")).isInstanceOf(IllegalArgumentException.class);
    }
}
