package com.crashanalytics.domain.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KolmogorovTest {

    /**
     * The asymptotic critical values of the Kolmogorov–Smirnov test (Smirnov 1948; the "1.36 / √n at 5%" rule),
     * to 5 decimals. The first two fall on the theta-series side of the switch at λ = 1.18, the rest on the
     * alternating-series side.
     */
    @ParameterizedTest(name = "Q({0}) = {1}")
    @CsvSource({
            "1.07275, 0.20",
            "1.13795, 0.15",
            "1.22385, 0.10",
            "1.35810, 0.05",
            "1.48022, 0.025",
            "1.62762, 0.01",
            "1.94947, 0.001"})
    void matchesTheCriticalValues(double lambda, double alpha) {
        assertThat(Kolmogorov.survival(lambda)).isCloseTo(alpha, within(1e-5));
    }

    @Test
    void matchesKnownValuesOfTheDistribution() {
        // K(1) = 0.7300003283..., K(0.5) = 0.0360547563...
        assertThat(Kolmogorov.survival(1.0)).isCloseTo(0.26999967167735452, within(1e-14));
        assertThat(Kolmogorov.survival(0.5)).isCloseTo(0.96394524366487509, within(1e-14));
    }

    @Test
    void bothSeriesAgreeWhereTheyMeet() {
        assertThat(Kolmogorov.survival(1.18 - 1e-12)).isCloseTo(Kolmogorov.survival(1.18), within(1e-11));
    }

    @Test
    void isOneAtZeroAndVanishesFarOut() {
        assertThat(Kolmogorov.survival(0)).isEqualTo(1);
        assertThat(Kolmogorov.survival(0.1)).isCloseTo(1, within(1e-15));
        assertThat(Kolmogorov.survival(5)).isCloseTo(0, within(1e-20));
    }
}
