package com.crashanalytics.domain.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaTest {

    @Test
    void logGammaMatchesFactorialsAndTheSquareRootOfPi() {
        // Γ(1) = Γ(2) = 1; Γ(5) = 4! = 24; Γ(10) = 9! = 362880; Γ(1/2) = √π, so ln Γ(1/2) = ln(π) / 2.
        assertThat(Gamma.logGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(Gamma.logGamma(2)).isCloseTo(0, within(1e-14));
        assertThat(Gamma.logGamma(5)).isCloseTo(Math.log(24), within(1e-13));
        assertThat(Gamma.logGamma(10)).isCloseTo(Math.log(362_880), within(1e-12));
        assertThat(Gamma.logGamma(0.5)).isCloseTo(Math.log(Math.PI) / 2, within(1e-14));
    }

    @Test
    void theUpperAndLowerFunctionsAddUpToOne() {
        // P(a, x) + Q(a, x) = 1 on both sides of the series / continued-fraction switch at x = a + 1.
        for (double x : new double[] {0.3, 2.9, 3.1, 12}) {
            assertThat(Gamma.regularizedLower(2, x) + Gamma.regularizedUpper(2, x)).isCloseTo(1, within(1e-14));
        }
    }

    @Test
    void integerOrderMatchesItsClosedForm() {
        // For integer a, Q(a, x) = e^−x Σ_{k<a} x^k / k!.
        // a = 2, x = 2 (series side, x < a + 1 = 3): e^−2 (1 + 2) = 3 e^−2
        assertThat(Gamma.regularizedUpper(2, 2)).isCloseTo(3 * Math.exp(-2), within(1e-15));
        // a = 2, x = 5 (continued-fraction side): e^−5 (1 + 5) = 6 e^−5
        assertThat(Gamma.regularizedUpper(2, 5)).isCloseTo(6 * Math.exp(-5), within(1e-15));
        // a = 1: Q(1, x) = e^−x
        assertThat(Gamma.regularizedUpper(1, 0.7)).isCloseTo(Math.exp(-0.7), within(1e-15));
    }

    @Test
    void theEndpointsAreExact() {
        assertThat(Gamma.regularizedUpper(3, 0)).isEqualTo(1);
        assertThat(Gamma.regularizedLower(3, 0)).isEqualTo(0);
    }

    @Test
    void argumentsOutsideTheDomainAreRefused() {
        assertThatThrownBy(() -> Gamma.logGamma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gamma.regularizedUpper(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gamma.regularizedUpper(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gamma.regularizedUpper(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
