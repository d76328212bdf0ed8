package com.crashanalytics.domain.analytics.performance;

import static com.crashanalytics.domain.analytics.performance.Rounds.round;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.SKIP;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The sums SQL aggregates give the Sharpe and Sortino ratios the series gives. */
class ReturnRatiosFromSumsTest {

    @Test
    void sumsGiveTheRatiosOfTheSeries() {
        // Returns of the bets: 0.5, 1, −1, −1, 3, 0.33 (the SKIP has no stake, no return).
        RoundSeries series = RoundSeries.of(
                round(1, WIN, "10", "5", null),
                round(2, WIN, "10", "10", null),
                round(3, LOSS, "10", "-10", null),
                round(4, SKIP, "0", "0", null),
                round(5, LOSS, "20", "-20", null),
                round(6, WIN, "10", "30", null),
                round(7, WIN, "10", "3.3", null));
        // Σ r = 0.5 + 1 − 1 − 1 + 3 + 0.33 = 2.83; Σ r² = 0.25 + 1 + 1 + 1 + 9 + 0.1089 = 12.3589; Σ min(r,0)² = 2
        ReturnRatios fromSums = ReturnRatios.fromSums(6, new BigDecimal("2.83"), new BigDecimal("12.3589"),
                new BigDecimal("2"));
        ReturnRatios reference = ReturnRatios.of(series);

        assertThat(fromSums.bets()).isEqualTo(6);
        assertThat(fromSums.sharpe()).isCloseTo(reference.sharpe(), within(1e-15));
        assertThat(fromSums.sortino()).isCloseTo(reference.sortino(), within(1e-15));
        // mean 2.83 / 6 = 0.471666…; Sortino = 0.471666… / √(2 / 6) = 0.816951…
        assertThat(fromSums.sortino()).isCloseTo(0.8169510, within(1e-6));
    }

    @Test
    void fewerThanTwoBetsHaveNoRatios() {
        ReturnRatios one = ReturnRatios.fromSums(1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);

        assertThat(one.sharpe()).isNull();
        assertThat(one.sortino()).isNull();
    }

    @Test
    void noLosingBetMeansNoSortino() {
        ReturnRatios allWins = ReturnRatios.fromSums(2, new BigDecimal("1.5"), new BigDecimal("1.25"), BigDecimal.ZERO);

        // returns 0.5 and 1: mean 0.75, s = √((0.0625 + 0.0625) / 1) = 0.353553…, Sharpe 2.121320…
        assertThat(allWins.sharpe()).isCloseTo(2.1213203, within(1e-6));
        assertThat(allWins.sortino()).isNull();
    }
}
