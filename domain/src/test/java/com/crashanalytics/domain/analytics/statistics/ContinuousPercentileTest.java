package com.crashanalytics.domain.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContinuousPercentileTest {

    // Sorted: x0 = 1.00, x1 = 1.50, x2 = 2.00, x3 = 10.00 (n = 4, so h = f · 3).
    private static final List<BigDecimal> VALUES = List.of(
            new BigDecimal("1.00"), new BigDecimal("1.50"), new BigDecimal("2.00"), new BigDecimal("10.00"));

    @Test
    void interpolatesBetweenTheTwoClosestRanks() {
        // median: h = 0.5 · 3 = 1.5 → x1 + 0.5 (x2 − x1) = 1.50 + 0.5 · 0.50 = 1.75
        assertThat(ContinuousPercentile.of(VALUES, new BigDecimal("0.5"))).isEqualByComparingTo("1.75");
        // 0.9: h = 2.7 → x2 + 0.7 (x3 − x2) = 2.00 + 0.7 · 8.00 = 7.60
        assertThat(ContinuousPercentile.of(VALUES, new BigDecimal("0.9"))).isEqualByComparingTo("7.6");
        // 0.25: h = 0.75 → x0 + 0.75 (x1 − x0) = 1.00 + 0.75 · 0.50 = 1.375
        assertThat(ContinuousPercentile.of(VALUES, new BigDecimal("0.25"))).isEqualByComparingTo("1.375");
    }

    @Test
    void theEndsAreTheMinimumAndTheMaximum() {
        assertThat(ContinuousPercentile.of(VALUES, BigDecimal.ZERO)).isEqualByComparingTo("1.00");
        assertThat(ContinuousPercentile.of(VALUES, BigDecimal.ONE)).isEqualByComparingTo("10.00");
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(ContinuousPercentile.of(List.of(new BigDecimal("3.21")), new BigDecimal("0.99")))
                .isEqualByComparingTo("3.21");
    }

    @Test
    void refusesNoValuesAndFractionsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> ContinuousPercentile.of(List.of(), new BigDecimal("0.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContinuousPercentile.of(VALUES, new BigDecimal("1.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
