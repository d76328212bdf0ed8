package com.crashanalytics.domain.analytics.multipliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CrashPointDistributionTest {

    private static final CrashPointDistribution AVIATOR = CrashPointDistribution.withHouseEdge(new BigDecimal("3"));

    @Test
    void survivalIsTheReturnToPlayerOverTheMultiplier() {
        assertThat(AVIATOR.returnToPlayer()).isEqualByComparingTo("0.97");
        assertThat(AVIATOR.probabilityAtLeast(new BigDecimal("2"))).isCloseTo(0.485, within(1e-15));  // 0.97 / 2
        assertThat(AVIATOR.probabilityAtLeast(new BigDecimal("10"))).isCloseTo(0.097, within(1e-15)); // 0.97 / 10
        // every round reaches 1.00x: the atom of instant crashes sits at 1, so P(≥ 1) is 1, not 0.97
        assertThat(AVIATOR.probabilityAtLeast(BigDecimal.ONE)).isEqualTo(1);
    }

    @Test
    void shownValuesAreCutToTheTick() {
        // F(2.00) = P(crash < 2.01) = 1 − 0.97 / 2.01; F(2.00−) = P(crash < 2) = 1 − 0.97 / 2 = 0.515
        assertThat(AVIATOR.cumulative(new BigDecimal("2.00"))).isCloseTo(1 - 0.97 / 2.01, within(1e-15));
        assertThat(AVIATOR.cumulativeBelow(new BigDecimal("2.00"))).isCloseTo(0.515, within(1e-15));
        assertThat(AVIATOR.cumulative(new BigDecimal("0.99"))).isEqualTo(0);
        assertThat(AVIATOR.cumulativeBelow(BigDecimal.ONE)).isEqualTo(0);
    }

    @Test
    void instantCrashesAreTheRoundsShownAsOnePointZeroZero() {
        // shown 1.00 ⇔ crash < 1.01: 1 − 0.97 / 1.01 = 0.04 / 1.01 = 0.0396039…
        assertThat(AVIATOR.instantCrashProbability()).isCloseTo(0.04 / 1.01, within(1e-15));
        // the uncut crash point: exactly the atom 1 − RTP
        CrashPointDistribution uncut = new CrashPointDistribution(new BigDecimal("3"), BigDecimal.ZERO);
        assertThat(uncut.instantCrashProbability()).isCloseTo(0.03, within(1e-15));
    }

    @Test
    void bucketProbabilitiesAreDifferencesOfSurvival() {
        // P(2 ≤ crash < 10) = 0.485 − 0.097 = 0.388; P(crash ≥ 10) = 0.097
        assertThat(AVIATOR.probabilityBetween(new BigDecimal("2"), BigDecimal.TEN)).isCloseTo(0.388, within(1e-15));
        assertThat(AVIATOR.probabilityBetween(BigDecimal.TEN, null)).isCloseTo(0.097, within(1e-15));
    }

    @Test
    void theHouseEdgeIsAPercentageBelowAHundred() {
        assertThatThrownBy(() -> CrashPointDistribution.withHouseEdge(new BigDecimal("100")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrashPointDistribution.withHouseEdge(new BigDecimal("-0.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
