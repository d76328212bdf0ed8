package com.crashanalytics.domain.analytics.multipliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Violation;
import org.junit.jupiter.api.Test;

class BigMultiplierGapsTest {

    private static final CrashPointDistribution AVIATOR = CrashPointDistribution.withHouseEdge(new BigDecimal("3"));

    /**
     * Fifteen rounds; hits (≥ 10) at positions 1, 4 (exactly 10.00 counts), 5 and 10; 9.99 at 8 does not.
     * Gaps 4 − 1 = 3, 5 − 4 = 1, 10 − 5 = 5; rounds 11 to 14 since the last hit.
     */
    private static final List<BigDecimal> CRASHES = decimals(
            "1.50", "12.00", "2.00", "1.00", "10.00", "10.50", "3.00", "1.20", "9.99", "1.10",
            "50.00", "2.00", "1.30", "4.00", "1.01");

    private static final BigMultiplierGaps GAPS = BigMultiplierGaps.of(CRASHES, BigDecimal.TEN, AVIATOR);

    @Test
    void gapsBetweenHits() {
        assertThat(GAPS.rounds()).isEqualTo(15);
        assertThat(GAPS.hits()).isEqualTo(4);
        assertThat(GAPS.hitRate()).isEqualTo(new BigDecimal("0.266667")); // 4 / 15 = 0.2666…
        assertThat(GAPS.longestGap()).isEqualTo(5);
        // (3 + 1 + 5) / 3 = (10 − 1) / 3 = 3
        assertThat(GAPS.meanGap()).isEqualTo(new BigDecimal("3.000000"));
        assertThat(GAPS.currentGap()).isEqualTo(4);
    }

    @Test
    void nextToTheGeometricExpectation() {
        // p = 0.97 / 10 = 0.097; 1 / p = 10.3092…; a fair game goes 4 rounds without a hit with 0.903⁴ = 0.66489184
        assertThat(GAPS.expectedHitRate()).isCloseTo(0.097, within(1e-15));
        assertThat(GAPS.expectedMeanGap()).isCloseTo(10.309278, within(1e-6));
        assertThat(GAPS.currentGapProbability()).isCloseTo(0.6648918, within(1e-7));
    }

    @Test
    void histogramOfGapLengths() {
        // G = 3 gaps; expected G × 0.903^(k−1) × 0.097:
        // k=1: 3 × 0.097 = 0.291; k=2: 0.291 × 0.903 = 0.262773; k=3: × 0.903 = 0.23728402;
        // k=4: 0.21426747; k=5: 0.19348353; beyond 5: 3 × 0.903⁵ = 3 × 0.60039733 = 1.80119199 (all add up to 3)
        assertThat(GAPS.histogram()).extracting(GapCount::fromLength, GapCount::toLength, GapCount::observed)
                .containsExactly(
                        tuple(1L, 1L, 1L),
                        tuple(2L, 2L, 0L),
                        tuple(3L, 3L, 1L),
                        tuple(4L, 4L, 0L),
                        tuple(5L, 5L, 1L),
                        tuple(6L, null, 0L));
        double[] expected = {0.291, 0.262773, 0.23728402, 0.21426747, 0.19348353, 1.80119199};
        for (int i = 0; i < expected.length; i++) {
            assertThat(GAPS.histogram().get(i).expected()).as("bar " + i).isCloseTo(expected[i], within(1e-8));
        }
    }

    @Test
    void oneHitHasNoGapYet() {
        // a hit at position 2 of 5: rounds 3 and 4 since
        BigMultiplierGaps one = BigMultiplierGaps.of(decimals("1", "2", "11", "1", "3"), BigDecimal.TEN, AVIATOR);

        assertThat(one.hits()).isEqualTo(1);
        assertThat(one.currentGap()).isEqualTo(2);
        assertThat(one.longestGap()).isNull();
        assertThat(one.meanGap()).isNull();
        assertThat(one.histogram()).isEmpty();
    }

    @Test
    void withoutAnyHitTheWholeSeriesIsTheCurrentGap() {
        BigMultiplierGaps none = BigMultiplierGaps.of(decimals("1", "2", "3"), BigDecimal.TEN, AVIATOR);

        assertThat(none.hits()).isZero();
        assertThat(none.currentGap()).isEqualTo(3);
        assertThat(BigMultiplierGaps.of(List.of(), BigDecimal.TEN, AVIATOR).hitRate()).isNull();
    }

    @Test
    void aHitOnTheLastRoundLeavesNoCurrentGap() {
        assertThat(BigMultiplierGaps.of(decimals("20", "1", "20"), BigDecimal.TEN, AVIATOR).currentGap()).isZero();
    }

    @Test
    void theThresholdIsAMultiplierAboveOne() {
        assertThatThrownBy(() -> BigMultiplierGaps.of(CRASHES, BigDecimal.ONE, AVIATOR))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("threshold", "ABOVE_ONE")));
        assertThatThrownBy(() -> BigMultiplierGaps.of(CRASHES, new BigDecimal("0.5"), AVIATOR))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("MIN_MULTIPLIER"));
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
