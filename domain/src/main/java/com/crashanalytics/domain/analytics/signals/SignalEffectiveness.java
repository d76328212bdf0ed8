package com.crashanalytics.domain.analytics.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        new Violations().check(bucketCount >= 1 && bucketCount <= MAX_BUCKETS, "confidenceBuckets", "RANGE",
                "must be between 1 and " + MAX_BUCKETS + " (got " + bucketCount + ")").throwIfAny();
        Map<String, List<SignalOutcome>> byType = new TreeMap<>();
        signals.forEach(signal -> byType.computeIfAbsent(signal.signalType(), type -> new ArrayList<>()).add(signal));
        return byType.entrySet().stream().map(entry -> of(entry.getKey(), entry.getValue(), bucketCount)).toList();
    }

    private static SignalEffectiveness of(String signalType, List<SignalOutcome> signals, int bucketCount) {
        SignalScore overall = SignalScore.NONE;
        SignalScore[] scores = new SignalScore[bucketCount];
        for (SignalOutcome signal : signals) {
            overall = overall.with(signal);
            int index = bucketOf(signal.confidence(), bucketCount);
            scores[index] = (scores[index] == null ? SignalScore.NONE : scores[index]).with(signal);
        }
        List<CalibrationBucket> buckets = new ArrayList<>();
        double calibrationError = 0;
        for (int i = 0; i < bucketCount; i++) {
            if (scores[i] != null) {
                CalibrationBucket bucket = new CalibrationBucket(i, (double) i / bucketCount,
                        (double) (i + 1) / bucketCount, scores[i]);
                buckets.add(bucket);
                calibrationError += (double) scores[i].signals() / overall.signals() * Math.abs(bucket.calibrationGap());
            }
        }
        return new SignalEffectiveness(signalType, overall, List.copyOf(buckets), calibrationError);
    }

    /** ⌊k · c⌋, with 1.0 in the last bucket. */
    static int bucketOf(double confidence, int bucketCount) {
        return Math.min((int) (bucketCount * confidence), bucketCount - 1);
    }
}
