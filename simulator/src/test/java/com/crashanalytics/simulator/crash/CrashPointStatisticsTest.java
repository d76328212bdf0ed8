package com.crashanalytics.simulator.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Both generators follow {@code P(crash ≥ x) = RTP / x}: 200,000 rounds with fixed seeds, compared with the theory
 * within stated bounds (each about 4.5 standard errors or more, so the fixed seeds are not lucky picks).
 */
class CrashPointStatisticsTest {

    private static final int ROUNDS = 200_000;
    private static final CrashDistribution LAW = CrashDistribution.STANDARD;

    @Test
    void theSeededGeneratorFollowsTheLaw() {
        SeededCrashPoints generator = new SeededCrashPoints(LAW, 20261123L);
        checkAgainstTheLaw(generator::next);
    }

    @Test
    void theProvablyFairGeneratorFollowsTheLaw() {
        ProvablyFairCrashPoints generator = new ProvablyFairCrashPoints(LAW,
                "b7e3c1d9a5f2e8c4b6a0d2f4e6c8a1b3d5f7e9c2a4b6d8f0e1c3a5b7d9f2e4c6", "statistics", 0);
        checkAgainstTheLaw(generator::next);
    }

    @Test
    void anotherRtpMovesEveryShare() {
        CrashDistribution generous = CrashDistribution.withRtp(new BigDecimal("0.99"));
        Sample sample = Sample.draw(new SeededCrashPoints(generous, 7L)::next);
        // P(≥2x) = 0.99 / 2 = 49.5%, instant 1%.
        assertThat(sample.shareAtLeast(200)).isCloseTo(0.495, within(0.005));
        assertThat(sample.instantShare()).isCloseTo(0.01, within(0.0015));
    }

    private static void checkAgainstTheLaw(Supplier<CrashPoint> generator) {
        Sample sample = Sample.draw(generator);

        // P(≥2x) = 0.97 / 2 = 48.5%; standard error √(0.485 · 0.515 / 200000) ≈ 0.11 pp.
        assertThat(sample.shareAtLeast(200)).isCloseTo(0.485, within(0.005));
        // P(≥10x) = 0.97 / 10 = 9.7%; standard error ≈ 0.066 pp.
        assertThat(sample.shareAtLeast(1000)).isCloseTo(0.097, within(0.003));
        // P(≥100x) = 0.97%; standard error ≈ 0.022 pp.
        assertThat(sample.shareAtLeast(10000)).isCloseTo(0.0097, within(0.001));
        // Instant crashes: 1 − 0.97 = 3%; standard error ≈ 0.038 pp.
        assertThat(sample.instantShare()).isCloseTo(0.03, within(0.002));
        // Shown as 1.00x: the instant ones plus those below 1.01x, 1 − 0.97 / 1.01 ≈ 3.96%.
        assertThat(1 - sample.shareAtLeast(101)).isCloseTo(1 - 0.97 / 1.01, within(0.002));
        // Kolmogorov–Smirnov distance to the law, below the 1% critical value 1.63 / √n ≈ 0.0036 (conservative for
        // a discrete law).
        assertThat(sample.kolmogorovSmirnovDistance(LAW)).isLessThan(1.63 / Math.sqrt(ROUNDS));
    }

    /** The crash points of a run, in hundredths, sorted. */
    private record Sample(long[] hundredths, int instant) {

        static Sample draw(Supplier<CrashPoint> generator) {
            long[] hundredths = new long[ROUNDS];
            int instant = 0;
            for (int i = 0; i < ROUNDS; i++) {
                CrashPoint crash = generator.get();
                hundredths[i] = crash.multiplier().movePointRight(2).longValueExact();
                instant += crash.instant() ? 1 : 0;
            }
            Arrays.sort(hundredths);
            return new Sample(hundredths, instant);
        }

        double shareAtLeast(long hundredthsOfX) {
            return (double) (ROUNDS - countBelow(hundredthsOfX)) / ROUNDS;
        }

        double instantShare() {
            return (double) instant / ROUNDS;
        }

        /**
         * {@code sup |F_n − F|} over the 2-decimal grid: both CDFs are step functions on it, so checking
         * {@code F(v)} and {@code F(v−)} at every observed v finds the supremum.
         */
        double kolmogorovSmirnovDistance(CrashDistribution law) {
            double distance = 0;
            int i = 0;
            while (i < ROUNDS) {
                long v = hundredths[i];
                int below = i;
                while (i < ROUNDS && hundredths[i] == v) {
                    i++;
                }
                double empiricalBelow = (double) below / ROUNDS;
                double empiricalAtOrBelow = (double) i / ROUNDS;
                // P(C < v) = 1 − P(C ≥ v); P(C ≤ v) = 1 − P(C ≥ v + 0.01).
                double theoryBelow = 1 - law.probabilityAtLeast(BigDecimal.valueOf(v, 2));
                double theoryAtOrBelow = 1 - law.probabilityAtLeast(BigDecimal.valueOf(v + 1, 2));
                distance = Math.max(distance, Math.abs(empiricalBelow - theoryBelow));
                distance = Math.max(distance, Math.abs(empiricalAtOrBelow - theoryAtOrBelow));
            }
            return distance;
        }

        private int countBelow(long value) {
            int low = 0;
            int high = ROUNDS;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (hundredths[mid] < value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
