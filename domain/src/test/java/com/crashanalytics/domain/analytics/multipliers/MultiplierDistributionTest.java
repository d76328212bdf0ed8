package com.crashanalytics.domain.analytics.multipliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MultiplierDistributionTest {

    private static final CrashPointDistribution AVIATOR = CrashPointDistribution.withHouseEdge(new BigDecimal("3"));

    /** Ten crashes, in play order: n = 10, Σ = 50.19. */
    private static final List<BigDecimal> CRASHES = decimals(
            "2.50", "1.00", "25.00", "1.94", "1.25", "10.00", "1.00", "4.00", "1.50", "2.00");

    /** Buckets [1, 1.01), [1.01, 2), [2, 10), [10, ∞). */
    private static final BucketEdges EDGES = new BucketEdges(decimals("1.01", "2", "10"));

    private static final MultiplierDistribution TEN = MultiplierDistribution.of(CRASHES, EDGES,
            new PercentileFractions(decimals("0.25", "0.9", "0.99")), AVIATOR);

    @Test
    void bucketsNextToTheFairGame() {
        // S(1) = 1, S(1.01) = 0.97 / 1.01 = 97/101, S(2) = 0.485, S(10) = 0.097
        // [1, 1.01):    1.00 1.00            → 2; p = 1 − 97/101 = 4/101;         E = 40/101 = 0.396040
        // [1.01, 2):    1.25 1.50 1.94       → 3; p = 97/101 − 0.485 = 0.475396;  E = 4.753960
        // [2, 10):      2.00 2.50 4.00       → 3; p = 0.485 − 0.097 = 0.388;      E = 3.88
        // [10, ∞):      10.00 25.00          → 2; p = 0.097;                      E = 0.97
        assertThat(TEN.buckets()).extracting(MultiplierBucket::count).containsExactly(2L, 3L, 3L, 2L);
        assertThat(TEN.buckets()).extracting(MultiplierBucket::share).containsExactly(
                new BigDecimal("0.200000"), new BigDecimal("0.300000"), new BigDecimal("0.300000"), new BigDecimal("0.200000"));
        assertThat(TEN.buckets().get(0).expectedShare()).isCloseTo(4.0 / 101, within(1e-12));
        assertThat(TEN.buckets().get(1).expectedShare()).isCloseTo(97.0 / 101 - 0.485, within(1e-12));
        assertThat(TEN.buckets().get(2).expectedCount()).isCloseTo(3.88, within(1e-12));
        assertThat(TEN.buckets().get(3).expectedCount()).isCloseTo(0.97, within(1e-12));
        assertThat(TEN.buckets().get(3).upper()).isNull();
    }

    @Test
    void survivalNextToReturnToPlayerOverX() {
        // ≥ 1: 10/10; ≥ 1.01: 8/10; ≥ 2: 5/10 (2.00 2.50 4.00 10.00 25.00); ≥ 10: 2/10
        assertThat(TEN.survival()).extracting(SurvivalPoint::observed).containsExactly(
                new BigDecimal("1.000000"), new BigDecimal("0.800000"), new BigDecimal("0.500000"), new BigDecimal("0.200000"));
        assertThat(TEN.survival()).extracting(SurvivalPoint::theoretical).containsExactly(
                1.0, 0.97 / 1.01, 0.485, 0.097);
    }

    @Test
    void meanMedianAndPercentiles() {
        // sorted: 1.00 1.00 1.25 1.50 1.94 2.00 2.50 4.00 10.00 25.00 (x0 … x9)
        assertThat(TEN.mean()).isEqualTo(new BigDecimal("5.019000"));   // 50.19 / 10
        assertThat(TEN.median()).isEqualTo(new BigDecimal("1.970000")); // h = 4.5: 1.94 + 0.5 × 0.06
        assertThat(TEN.percentiles()).containsExactly(
                new Percentile(new BigDecimal("0.25"), new BigDecimal("1.312500")),  // h = 2.25: 1.25 + 0.25 × 0.25
                new Percentile(new BigDecimal("0.9"), new BigDecimal("11.500000")),  // h = 8.1: 10 + 0.1 × 15
                new Percentile(new BigDecimal("0.99"), new BigDecimal("23.650000"))); // h = 8.91: 10 + 0.91 × 15
    }

    @Test
    void instantCrashes() {
        assertThat(TEN.instantCrashes()).isEqualTo(2);
        assertThat(TEN.instantCrashShare()).isEqualTo(new BigDecimal("0.200000"));
        assertThat(TEN.expectedInstantCrashShare()).isCloseTo(4.0 / 101, within(1e-15)); // 1 − 0.97 / 1.01
    }

    @Test
    void chiSquareOverTheBuckets() {
        // (2 − 40/101)² / (40/101)           = (162/101)² × 101/40 = 26244 / 4040      = 6.4960396
        // (3 − 48015/10100)² / (48015/10100) = 17715² / (10100 × 48015) = 313821225 / 484951500 = 0.6471188
        // (3 − 3.88)² / 3.88                 = 0.7744 / 3.88                            = 0.1995876
        // (2 − 0.97)² / 0.97                 = 1.0609 / 0.97                            = 1.0937113
        // χ² = 8.4364574 with 4 − 1 = 3 degrees of freedom
        ChiSquareFit fit = TEN.chiSquare();

        assertThat(fit.statistic()).isCloseTo(8.4364574, within(1e-7));
        assertThat(fit.degreesOfFreedom()).isEqualTo(3);
        // the table for 3 df: 7.815 at 0.05 and 9.348 at 0.025; the closed form for 3 df,
        // erfc(√(χ²/2)) + √(2χ²/π) e^(−χ²/2) = 0.003678 + 2.317503 × 0.014722, gives 0.03780
        assertThat(fit.pValue()).isBetween(0.025, 0.05).isCloseTo(0.03780, within(1e-5));
        // expected counts of 0.40 and 0.97 are far below 5: too few rounds for the chi-square approximation
        assertThat(fit.smallestExpectedCount()).isCloseTo(40.0 / 101, within(1e-12));
        assertThat(fit.isApproximationSound()).isFalse();
    }

    @Test
    void kolmogorovSmirnovFindsTheLargestGapAtTheInstantCrashes() {
        // at 1.00: Fₙ = 2/10 against F(1.00) = 1 − 0.97 / 1.01 = 4/101, so D = 0.2 − 4/101 = 16.2/101 = 0.1603960;
        // every other value is closer, e.g. at 10.00 from below: |0.8 − F(10−)| = |0.8 − 0.903| = 0.103
        KolmogorovSmirnovFit fit = TEN.kolmogorovSmirnov();

        assertThat(fit.statistic()).isCloseTo(16.2 / 101, within(1e-12));
        // √10 × 0.1603960 = 0.5072168; Q(0.5072) = 0.95914: ten rounds cannot tell
        assertThat(fit.pValue()).isCloseTo(0.95914, within(1e-5));
    }

    @Test
    void kolmogorovSmirnovLooksBelowEachValueToo() {
        // one round at 10.00: Fₙ jumps 0 → 1 at 10.00. Above: |1 − F(10.00)| = 0.97 / 10.01 = 0.0969;
        // below: |0 − F(10.00−)| = 1 − 0.97 / 10 = 0.903, the larger
        assertThat(MultiplierDistribution.of(decimals("10.00"), EDGES, PercentileFractions.DEFAULT, AVIATOR)
                .kolmogorovSmirnov().statistic()).isCloseTo(0.903, within(1e-12));
    }

    @Test
    void aFairGameShownToTwoDecimalsPassesAndTheUncutModelWouldNot() {
        // 100,000 crash points at the quantiles uᵢ = (i − ½) / n of a 97% game, cut to 0.01 as the game shows them
        List<BigDecimal> fair = fairGame(100_000, 0.97);

        KolmogorovSmirnovFit cut = MultiplierDistribution.of(fair, BucketEdges.DEFAULT, PercentileFractions.DEFAULT,
                AVIATOR).kolmogorovSmirnov();
        KolmogorovSmirnovFit uncut = MultiplierDistribution.of(fair, BucketEdges.DEFAULT, PercentileFractions.DEFAULT,
                new CrashPointDistribution(new BigDecimal("3"), BigDecimal.ZERO)).kolmogorovSmirnov();
        KolmogorovSmirnovFit wrongEdge = MultiplierDistribution.of(fair, BucketEdges.DEFAULT,
                PercentileFractions.DEFAULT, CrashPointDistribution.withHouseEdge(new BigDecimal("5"))).kolmogorovSmirnov();

        assertThat(cut.pValue()).isGreaterThan(0.99);
        // against 1 − 0.97 / v the cut values sit 0.97 × 0.01 / 1.01 ≈ 0.0096 high at 1.00: λ ≈ 316 × 0.0096 ≈ 3
        assertThat(uncut.statistic()).isCloseTo(0.0096, within(0.0002));
        assertThat(uncut.pValue()).isLessThan(1e-6);
        // a platform claiming 95% whose rounds pay 97%: D ≈ 0.02 just above 1.00
        assertThat(wrongEdge.pValue()).isLessThan(1e-6);
    }

    @Test
    void aFairGamePassesTheChiSquareTestToo() {
        MultiplierDistribution fair = MultiplierDistribution.of(fairGame(100_000, 0.97), BucketEdges.DEFAULT,
                PercentileFractions.DEFAULT, AVIATOR);
        MultiplierDistribution stingy = MultiplierDistribution.of(fairGame(100_000, 0.90), BucketEdges.DEFAULT,
                PercentileFractions.DEFAULT, AVIATOR);

        assertThat(fair.chiSquare().isApproximationSound()).isTrue();
        assertThat(fair.chiSquare().pValue()).isGreaterThan(0.99);
        assertThat(stingy.chiSquare().pValue()).isLessThan(1e-6);
    }

    @Test
    void anEmptySampleHasCountsButNoStatistics() {
        MultiplierDistribution none = MultiplierDistribution.of(List.of(), EDGES, PercentileFractions.DEFAULT, AVIATOR);

        assertThat(none.rounds()).isZero();
        assertThat(none.buckets()).extracting(MultiplierBucket::count).containsExactly(0L, 0L, 0L, 0L);
        assertThat(none.buckets()).extracting(MultiplierBucket::share).containsOnlyNulls();
        assertThat(none.survival()).extracting(SurvivalPoint::observed).containsOnlyNulls();
        assertThat(none.mean()).isNull();
        assertThat(none.median()).isNull();
        assertThat(none.percentiles()).isEmpty();
        assertThat(none.instantCrashShare()).isNull();
        assertThat(none.chiSquare()).isNull();
        assertThat(none.kolmogorovSmirnov()).isNull();
    }

    /** Crash points at evenly spaced quantiles of a game with the given RTP, shown to two decimals. */
    private static List<BigDecimal> fairGame(int n, double rtp) {
        List<BigDecimal> crashes = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            double crash = Math.max(1, rtp / (1 - (i - 0.5) / n));
            crashes.add(BigDecimal.valueOf(crash).setScale(2, RoundingMode.FLOOR));
        }
        return crashes;
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
