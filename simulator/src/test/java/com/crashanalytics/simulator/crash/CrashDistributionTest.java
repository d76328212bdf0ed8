package com.crashanalytics.simulator.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The mapping from a uniform draw to a crash point, checked on values worked out by hand. */
class CrashDistributionTest {

    private static final long SPAN = 1L << 52;
    private final CrashDistribution standard = CrashDistribution.STANDARD;

    @Test
    void aDrawOfZeroIsAnInstantCrash() {
        // u = 0: rtp / (1 − u) = 0.97 < 1, the house-edge share.
        CrashPoint crash = standard.crashPoint(7, 0);

        assertThat(crash.multiplier()).isEqualTo(new BigDecimal("1.00"));
        assertThat(crash.instant()).isTrue();
        assertThat(crash.nonce()).isEqualTo(7);
    }

    @Test
    void theArithmeticIsExactWhereDoublesWouldBeOffByACent() {
        // u = 1/2: 0.97 / 0.5 = 1.94 exactly. In doubles 0.97 is 0.96999999999999997..., so 100 · 0.97 / 0.5 floors
        // to 193 and a double implementation would show 1.93.
        assertThat(standard.crashPoint(0, SPAN / 2).multiplier()).isEqualTo(new BigDecimal("1.94"));
        // u = 3/4 at rtp 0.5: 0.5 / 0.25 = 2.00 exactly, on the boundary.
        CrashDistribution half = CrashDistribution.withRtp(new BigDecimal("0.5"));
        assertThat(half.crashPoint(0, 3 * (SPAN / 4)).multiplier()).isEqualTo(new BigDecimal("2.00"));
        assertThat(half.crashPoint(0, 3 * (SPAN / 4) - 1).multiplier()).isEqualTo(new BigDecimal("1.99"));
    }

    @Test
    void theInstantShareEndsExactlyWhereTheFlightStarts() {
        // instant ⟺ 0.97 · 2^52 < 2^52 − bits ⟺ bits < 0.03 · 2^52 = 135107988821114.88
        assertThat(standard.crashPoint(0, 135_107_988_821_114L).instant()).isTrue();
        assertThat(standard.crashPoint(0, 135_107_988_821_115L).instant()).isFalse();
        // Both show 1.00: the plane that took off crashed before 1.01.
        assertThat(standard.crashPoint(0, 135_107_988_821_115L).multiplier()).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void theHighestDrawsShowTheGamesCap() {
        // u = 1 − 2^-52: 0.97 · 2^52 ≈ 4.4e15, far above the cap of 1,000,000.00.
        assertThat(standard.crashPoint(0, SPAN - 1).multiplier()).isEqualTo(new BigDecimal("1000000.00"));
        CrashDistribution capped = new CrashDistribution(new BigDecimal("0.97"), new BigDecimal("100"));
        assertThat(capped.crashPoint(0, SPAN - 1).multiplier()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void multipliersAlwaysCarryTwoDecimals() {
        assertThat(standard.crashPoint(0, 0).multiplier().scale()).isEqualTo(2);
        assertThat(standard.crashPoint(0, SPAN / 2).multiplier().scale()).isEqualTo(2);
        assertThat(standard.crashPoint(0, SPAN - 1).multiplier().scale()).isEqualTo(2);
    }

    @Test
    void theTheoreticalSurvivalIsRtpOverX() {
        assertThat(standard.probabilityAtLeast(new BigDecimal("2"))).isCloseTo(0.485, within(1e-12));
        assertThat(standard.probabilityAtLeast(new BigDecimal("10"))).isCloseTo(0.097, within(1e-12));
        assertThat(standard.probabilityAtLeast(new BigDecimal("1.00"))).isEqualTo(1.0);
        assertThat(standard.probabilityAtLeast(new BigDecimal("0.5"))).isEqualTo(1.0);
        assertThat(standard.probabilityAtLeast(new BigDecimal("1000000.01"))).isEqualTo(0.0);
        assertThat(standard.instantCrashProbability()).isCloseTo(0.03, within(1e-12));
    }

    @Test
    void refusesImpossibleLaws() {
        assertThatThrownBy(() -> CrashDistribution.withRtp(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrashDistribution.withRtp(new BigDecimal("1.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrashDistribution(new BigDecimal("0.97"), new BigDecimal("1.005")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.crashPoint(0, SPAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.crashPoint(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
