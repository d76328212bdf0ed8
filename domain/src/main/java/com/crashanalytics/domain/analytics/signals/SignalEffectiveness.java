package com.crashanalytics.domain.analytics.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.crashanalytics.domain.common.Violations;

/**
 * How well one type of signal predicted whether rounds reach their target, overall and per confidence bucket.
 * <p>
 * Buckets: k equal-width confidence buckets; a signal with confidence c falls in bucket min(⌊k · c⌋, k − 1) (0-based,
 * with k · c a {@code double} product), so 1.0 joins the last bucket. SQL:
 * {@code least(floor(confidence_score * k)::int, k − 1)}, the same IEEE product; not {@code width_bucket}, whose
 * float arithmetic has changed between PostgreSQL versions. Only buckets with signals are listed, in ascending
 * order.
 * <p>
 * Expected calibration error: Σ over buckets of (nᵦ / n) · |mean confidenceᵦ − hit rateᵦ|.
 *
 * @param signalType              the type
 * @param overall                 every signal of the type
 * @param buckets                 the non-empty confidence buckets
 * @param expectedCalibrationError the weighted mean distance between confidence and hit rate over the buckets
 */
public record SignalEffectiveness(
        String signalType,
        SignalScore overall,
        List<CalibrationBucket> buckets,
        double expectedCalibrationError) {

    public static final int DEFAULT_BUCKETS = 10;
    public static final int MAX_BUCKETS = 100;

    /** One effectiveness per signal type, ordered by type; confidence cut into {@code bucketCount} buckets. */
    public static List<SignalEffectiveness> byType(List<SignalOutcome> signals, int bucketCount) {
        validateBucketCount(bucketCount);
        Map<String, SortedMap<Integer, SignalScore>> byType = new TreeMap<>();
        for (SignalOutcome signal : signals) {
            byType.computeIfAbsent(signal.signalType(), type -> new TreeMap<>())
                    .merge(bucketOf(signal.confidence(), bucketCount), SignalScore.NONE.with(signal), SignalScore::plus);
        }
        return byType.entrySet().stream().map(entry -> of(entry.getKey(), entry.getValue(), bucketCount)).toList();
    }

    /** Rejects a bucket count outside [1, {@value #MAX_BUCKETS}], under the argument name {@code buckets}. */
    public static void validateBucketCount(int bucketCount) {
        new Violations().check(bucketCount >= 1 && bucketCount <= MAX_BUCKETS, "buckets", "RANGE",
                "must be between 1 and " + MAX_BUCKETS + " (got " + bucketCount + ")").throwIfAny();
    }

    /**
     * The effectiveness of one type from the scores of its non-empty confidence buckets (bucket index → score; what
     * SQL aggregates with {@code GROUP BY signal_type, bucket}).
     */
    public static SignalEffectiveness of(String signalType, SortedMap<Integer, SignalScore> scoresByBucket,
                                         int bucketCount) {
        validateBucketCount(bucketCount);
        SignalScore overall = scoresByBucket.values().stream().reduce(SignalScore.NONE, SignalScore::plus);
        List<CalibrationBucket> buckets = new ArrayList<>();
        double calibrationError = 0;
        for (Map.Entry<Integer, SignalScore> entry : scoresByBucket.entrySet()) {
            int i = entry.getKey();
            if (i < 0 || i >= bucketCount) {
                throw new IllegalArgumentException("bucket " + i + " is not one of " + bucketCount);
            }
            SignalScore score = entry.getValue();
            CalibrationBucket bucket = new CalibrationBucket(i, (double) i / bucketCount, (double) (i + 1) / bucketCount,
                    score);
            buckets.add(bucket);
            calibrationError += (double) score.signals() / overall.signals() * Math.abs(bucket.calibrationGap());
        }
        return new SignalEffectiveness(signalType, overall, List.copyOf(buckets), calibrationError);
    }

    /** ⌊k · c⌋, with 1.0 in the last bucket. */
    public static int bucketOf(double confidence, int bucketCount) {
        return Math.min((int) (bucketCount * confidence), bucketCount - 1);
    }
}
