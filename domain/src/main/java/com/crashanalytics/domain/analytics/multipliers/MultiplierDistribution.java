package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.crashanalytics.domain.analytics.Ratios;
import com.crashanalytics.domain.analytics.statistics.ContinuousPercentile;
import org.jspecify.annotations.Nullable;

/**
 * How a game's crash multipliers were distributed on a platform, next to the provably fair distribution its house
 * edge promises, with two goodness-of-fit tests so a dashboard can flag OCR trouble or a platform that departs from
 * its published RTP.
 * <ul>
 *   <li>{@code mean} = {@code round(avg(crash), 6)}; the theoretical mean is infinite, so none is given;</li>
 *   <li>{@code median} and {@code percentiles}: {@code percentile_cont} (see {@link ContinuousPercentile}), to 6
 *       decimals;</li>
 *   <li>instant crashes: rounds with crash = 1 exactly; their share count / n to 6 decimals, next to
 *       {@link CrashPointDistribution#instantCrashProbability()};</li>
 *   <li>{@link MultiplierBucket buckets} by {@link BucketEdges}, {@link SurvivalPoint survival} at every bucket's
 *       lower bound, {@link ChiSquareFit chi-square} over the buckets, {@link KolmogorovSmirnovFit
 *       Kolmogorov–Smirnov} over the values.</li>
 * </ul>
 * Figures of an empty sample are null (shares, mean, tests) or empty (percentiles).
 *
 * @param rounds                    n, the number of crash multipliers
 * @param returnToPlayer            the RTP the theory uses
 * @param buckets                   the histogram, observed and expected
 * @param survival                  P(crash ≥ x) at each bucket's lower bound, observed and theoretical
 * @param mean                      the mean crash multiplier
 * @param median                    the 0.5 percentile
 * @param percentiles               the percentiles asked for, in the order asked
 * @param instantCrashes            rounds that crashed at 1.00x
 * @param instantCrashShare         instantCrashes / n
 * @param expectedInstantCrashShare the theoretical share of 1.00x rounds
 * @param chiSquare                 the chi-square test over the buckets; null when n = 0 or only one bucket
 * @param kolmogorovSmirnov         the Kolmogorov–Smirnov test; null when n = 0
 */
public record MultiplierDistribution(
        long rounds,
        BigDecimal returnToPlayer,
        List<MultiplierBucket> buckets,
        List<SurvivalPoint> survival,
        @Nullable BigDecimal mean,
        @Nullable BigDecimal median,
        List<Percentile> percentiles,
        long instantCrashes,
        @Nullable BigDecimal instantCrashShare,
        double expectedInstantCrashShare,
        @Nullable ChiSquareFit chiSquare,
        @Nullable KolmogorovSmirnovFit kolmogorovSmirnov) {

    private static final BigDecimal MEDIAN = new BigDecimal("0.5");

    /** The distribution of {@code crashes} (any order, each ≥ 1). */
    public static MultiplierDistribution of(Collection<BigDecimal> crashes, BucketEdges edges,
                                            PercentileFractions fractions, CrashPointDistribution theory) {
        List<BigDecimal> ascending = crashes.stream().sorted().toList();
        if (!ascending.isEmpty() && ascending.get(0).compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("a crash multiplier is at least 1, got " + ascending.get(0));
        }
        int n = ascending.size();
        List<MultiplierBucket> buckets = buckets(ascending, edges, theory);
        long instantCrashes = ascending.stream().takeWhile(crash -> crash.compareTo(BigDecimal.ONE) == 0).count();
        return new MultiplierDistribution(
                n,
                theory.returnToPlayer(),
                buckets,
                survival(buckets, n, theory),
                n == 0 ? null : Ratios.averageStatistic(ascending.stream().reduce(BigDecimal.ZERO, BigDecimal::add), n),
                n == 0 ? null : percentile(ascending, MEDIAN),
                n == 0 ? List.of() : fractions.fractions().stream()
                        .map(fraction -> new Percentile(fraction, percentile(ascending, fraction))).toList(),
                instantCrashes,
                Ratios.fraction(instantCrashes, n),
                theory.instantCrashProbability(),
                n == 0 ? null : ChiSquareFit.of(buckets),
                KolmogorovSmirnovFit.of(ascending, theory));
    }

    private static List<MultiplierBucket> buckets(List<BigDecimal> ascending, BucketEdges edges,
                                                  CrashPointDistribution theory) {
        int n = ascending.size();
        List<MultiplierBucket> buckets = new ArrayList<>();
        int next = 0;
        for (BucketEdges.Range range : edges.buckets()) {
            int count = 0;
            while (next < n && range.contains(ascending.get(next))) {
                count++;
                next++;
            }
            double expectedShare = theory.probabilityBetween(range.lower(), range.upper());
            buckets.add(new MultiplierBucket(range.lower(), range.upper(), count, Ratios.fraction(count, n),
                    expectedShare, n * expectedShare));
        }
        return List.copyOf(buckets);
    }

    /** P(crash ≥ lower bound) of each bucket: the counts of that bucket and every bucket above it. */
    private static List<SurvivalPoint> survival(List<MultiplierBucket> buckets, int n, CrashPointDistribution theory) {
        List<SurvivalPoint> points = new ArrayList<>();
        long atLeast = n;
        for (MultiplierBucket bucket : buckets) {
            points.add(new SurvivalPoint(bucket.lower(), Ratios.fraction(atLeast, n),
                    theory.probabilityAtLeast(bucket.lower())));
            atLeast -= bucket.count();
        }
        return List.copyOf(points);
    }

    private static BigDecimal percentile(List<BigDecimal> ascending, BigDecimal fraction) {
        return ContinuousPercentile.of(ascending, fraction).setScale(Ratios.STATISTIC_SCALE, Ratios.ROUNDING);
    }
}
