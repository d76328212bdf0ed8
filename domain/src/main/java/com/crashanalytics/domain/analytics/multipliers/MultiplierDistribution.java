package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.crashanalytics.domain.common.Ratios;
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
        SortedMap<BigDecimal, Long> counts = new TreeMap<>();
        crashes.forEach(crash -> counts.merge(crash, 1L, Long::sum));
        return ofCounts(counts, edges, fractions, theory);
    }

    /**
     * The distribution of a histogram of crash multipliers: how many rounds crashed at each distinct value (what SQL
     * aggregates, {@code GROUP BY crash}). Gives exactly what {@link #of} gives for the rounds it counts.
     */
    public static MultiplierDistribution ofCounts(SortedMap<BigDecimal, Long> countsByCrash, BucketEdges edges,
                                                  PercentileFractions fractions, CrashPointDistribution theory) {
        if (!countsByCrash.isEmpty() && countsByCrash.firstKey().compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("a crash multiplier is at least 1, got " + countsByCrash.firstKey());
        }
        long n = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, Long> entry : countsByCrash.entrySet()) {
            if (entry.getValue() <= 0) {
                throw new IllegalArgumentException("a histogram count is positive, got " + entry.getValue());
            }
            n += entry.getValue();
            sum = sum.add(entry.getKey().multiply(BigDecimal.valueOf(entry.getValue())));
        }
        List<MultiplierBucket> buckets = buckets(countsByCrash, n, edges, theory);
        long instantCrashes = countsByCrash.getOrDefault(BigDecimal.ONE, 0L);
        long rounds = n;
        return new MultiplierDistribution(
                n,
                theory.returnToPlayer(),
                buckets,
                survival(buckets, n, theory),
                n == 0 ? null : Ratios.averageStatistic(sum, n),
                n == 0 ? null : percentile(countsByCrash, n, MEDIAN),
                n == 0 ? List.of() : fractions.fractions().stream()
                        .map(fraction -> new Percentile(fraction, percentile(countsByCrash, rounds, fraction))).toList(),
                instantCrashes,
                Ratios.fraction(instantCrashes, n),
                theory.instantCrashProbability(),
                n == 0 ? null : ChiSquareFit.of(buckets),
                KolmogorovSmirnovFit.of(countsByCrash, n, theory));
    }

    private static List<MultiplierBucket> buckets(SortedMap<BigDecimal, Long> countsByCrash, long n, BucketEdges edges,
                                                  CrashPointDistribution theory) {
        List<MultiplierBucket> buckets = new ArrayList<>();
        for (BucketEdges.Range range : edges.buckets()) {
            SortedMap<BigDecimal, Long> inRange = range.upper() == null
                    ? countsByCrash.tailMap(range.lower())
                    : countsByCrash.subMap(range.lower(), range.upper());
            long count = inRange.values().stream().mapToLong(Long::longValue).sum();
            double expectedShare = theory.probabilityBetween(range.lower(), range.upper());
            buckets.add(new MultiplierBucket(range.lower(), range.upper(), count, Ratios.fraction(count, n),
                    expectedShare, n * expectedShare));
        }
        return List.copyOf(buckets);
    }

    /** P(crash ≥ lower bound) of each bucket: the counts of that bucket and every bucket above it. */
    private static List<SurvivalPoint> survival(List<MultiplierBucket> buckets, long n, CrashPointDistribution theory) {
        List<SurvivalPoint> points = new ArrayList<>();
        long atLeast = n;
        for (MultiplierBucket bucket : buckets) {
            points.add(new SurvivalPoint(bucket.lower(), Ratios.fraction(atLeast, n),
                    theory.probabilityAtLeast(bucket.lower())));
            atLeast -= bucket.count();
        }
        return List.copyOf(points);
    }

    private static BigDecimal percentile(SortedMap<BigDecimal, Long> countsByCrash, long n, BigDecimal fraction) {
        return ContinuousPercentile.ofCounts(countsByCrash, n, fraction)
                .setScale(Ratios.STATISTIC_SCALE, Ratios.ROUNDING);
    }
}
