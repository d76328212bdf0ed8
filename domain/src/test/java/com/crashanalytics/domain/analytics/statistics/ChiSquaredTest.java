package com.crashanalytics.domain.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChiSquaredTest {

    /** Critical values from the standard chi-square table (upper-tail probability, 5–6 significant digits). */
    @ParameterizedTest(name = "df {0}: P(X ≥ {1}) = {2}")
    @CsvSource({
            "1,   3.841459,  0.05",
            "1,   6.634897,  0.01",
            "2,   5.991465,  0.05",
            "5,   11.070498, 0.05",
            "5,   15.086272, 0.01",
            "9,   16.918978, 0.05",
            "9,   21.665994, 0.01",
            "10,  18.307038, 0.05",
            "10,  3.940299,  0.95",
            "20,  31.410433, 0.05",
            "100, 124.342,   0.05"})
    void matchesTheTable(int degreesOfFreedom, double statistic, double pValue) {
        assertThat(ChiSquared.survival(statistic, degreesOfFreedom)).isCloseTo(pValue, within(1e-5));
    }

    @Test
    void twoDegreesOfFreedomIsAnExponentialTail() {
        // df = 2: P(X ≥ x) = e^(−x/2) exactly. x = 2 ln 20 gives e^(−ln 20) = 1/20 = 0.05.
        assertThat(ChiSquared.survival(2 * Math.log(20), 2)).isCloseTo(0.05, within(1e-15));
        assertThat(ChiSquared.survival(2, 2)).isCloseTo(Math.exp(-1), within(1e-15));
    }

    @Test
    void oneDegreeOfFreedomIsTheTwoSidedNormalTail() {
        // df = 1: X = Z², so P(X ≥ z²) = P(|Z| ≥ z): P(|Z| ≥ 1) = 0.31731050786291415, P(|Z| ≥ 2) = 0.04550026389635842.
        assertThat(ChiSquared.survival(1, 1)).isCloseTo(0.31731050786291415, within(1e-13));
        assertThat(ChiSquared.survival(4, 1)).isCloseTo(0.04550026389635842, within(1e-13));
    }

    @Test
    void aStatisticOfZeroFitsPerfectly() {
        assertThat(ChiSquared.survival(0, 3)).isEqualTo(1);
    }

    @Test
    void needsADegreeOfFreedom() {
        assertThatThrownBy(() -> ChiSquared.survival(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
