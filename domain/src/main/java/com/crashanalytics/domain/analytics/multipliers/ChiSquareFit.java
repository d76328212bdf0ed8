package com.crashanalytics.domain.analytics.multipliers;

import java.util.List;

import com.crashanalytics.domain.analytics.statistics.ChiSquared;
import org.jspecify.annotations.Nullable;

/**
 * Pearson's chi-square test of bucket counts against the theoretical distribution: χ² = Σ (Oᵢ − Eᵢ)² / Eᵢ over the
 * buckets, Eᵢ = n · pᵢ, with k − 1 degrees of freedom (the RTP is the platform's published one, not estimated from
 * the data) and p-value P(χ²_(k−1) ≥ χ²). The approximation wants every Eᵢ ≥ 5 (Cochran); buckets are not merged
 * behind the caller's back, {@link #isApproximationSound()} says whether it holds.
 *
 * @param statistic              χ²
 * @param degreesOfFreedom       k − 1
 * @param pValue                 the chance a fair game shows a χ² at least this large; small means "departs"
 * @param smallestExpectedCount  the smallest Eᵢ
 */
public record ChiSquareFit(double statistic, int degreesOfFreedom, double pValue, double smallestExpectedCount) {

    public static final double SMALLEST_SOUND_EXPECTED_COUNT = 5;

    /** The test over observed and expected counts, bucket by bucket; null with fewer than 2 buckets. */
    static @Nullable ChiSquareFit of(List<MultiplierBucket> buckets) {
        if (buckets.size() < 2) {
            return null;
        }
        double statistic = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (MultiplierBucket bucket : buckets) {
            double difference = bucket.count() - bucket.expectedCount();
            statistic += difference * difference / bucket.expectedCount();
            smallest = Math.min(smallest, bucket.expectedCount());
        }
        int degreesOfFreedom = buckets.size() - 1;
        return new ChiSquareFit(statistic, degreesOfFreedom, ChiSquared.survival(statistic, degreesOfFreedom), smallest);
    }

    public boolean isApproximationSound() {
        return smallestExpectedCount >= SMALLEST_SOUND_EXPECTED_COUNT;
    }
}
