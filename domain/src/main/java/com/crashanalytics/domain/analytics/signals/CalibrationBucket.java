package com.crashanalytics.domain.analytics.signals;

import org.jspecify.annotations.Nullable;

/**
 * The signals whose confidence fell in [lower, upper) (the last bucket includes 1): a point of the calibration plot,
 * mean confidence against hit rate. A calibrated signal's rounds reach the target as often as it says.
 *
 * @param index 0-based: bucket i of k covers [i / k, (i + 1) / k)
 * @param lower i / k
 * @param upper (i + 1) / k
 * @param score count, hits, accuracy, Brier score, mean confidence and hit rate of the bucket's signals
 */
public record CalibrationBucket(int index, double lower, double upper, SignalScore score) {

    /** mean confidence − hit rate: above 0 the signal is overconfident, below it underconfident. */
    public @Nullable Double calibrationGap() {
        Double meanConfidence = score.meanConfidence();
        return meanConfidence == null ? null : meanConfidence - (double) score.hits() / score.signals();
    }
}
