package com.crashanalytics.domain.analytics.signals;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * How well a group of signals predicted (all signals of a type, or those in one confidence bucket), next to the
 * baseline of a forecaster that always says the group's base rate. A positive prediction is confidence ≥ 0.5
 * ({@link SignalOutcome#POSITIVE_CONFIDENCE}); a hit is a round that reached its target.
 * <p>
 * Ratios of counts are exact fractions to 6 decimals; figures of the {@code double} confidences are {@code double}
 * (SQL: {@code avg(confidence_score)}, {@code avg((confidence_score − hit)^2)}).
 *
 * @param signals             n
 * @param hits                signals whose round reached the target
 * @param truePositives       predicted and reached
 * @param falsePositives      predicted, not reached
 * @param trueNegatives       not predicted, not reached
 * @param falseNegatives      not predicted, reached
 * @param sumOfConfidences    Σ confidence
 * @param sumOfSquaredErrors  Σ (confidence − hit)², hit 1 or 0
 */
public record SignalScore(
        long signals,
        long hits,
        long truePositives,
        long falsePositives,
        long trueNegatives,
        long falseNegatives,
        double sumOfConfidences,
        double sumOfSquaredErrors) {

    public static final SignalScore NONE = new SignalScore(0, 0, 0, 0, 0, 0, 0, 0);

    /** This score with one more signal counted. */
    public SignalScore with(SignalOutcome signal) {
        boolean predicted = signal.predictsTarget();
        boolean reached = signal.reachedTarget();
        return new SignalScore(
                signals + 1,
                hits + (reached ? 1 : 0),
                truePositives + (predicted && reached ? 1 : 0),
                falsePositives + (predicted && !reached ? 1 : 0),
                trueNegatives + (!predicted && !reached ? 1 : 0),
                falseNegatives + (!predicted && reached ? 1 : 0),
                sumOfConfidences + signal.confidence(),
                sumOfSquaredErrors + signal.squaredError());
    }

    /** The score of both groups together. */
    public SignalScore plus(SignalScore other) {
        return new SignalScore(
                signals + other.signals,
                hits + other.hits,
                truePositives + other.truePositives,
                falsePositives + other.falsePositives,
                trueNegatives + other.trueNegatives,
                falseNegatives + other.falseNegatives,
                sumOfConfidences + other.sumOfConfidences,
                sumOfSquaredErrors + other.sumOfSquaredErrors);
    }

    /** The base rate (hit rate): hits / n; null when n = 0. */
    public @Nullable BigDecimal hitRate() {
        return Ratios.fraction(hits, signals);
    }

    /** (true positives + true negatives) / n; null when n = 0. */
    public @Nullable BigDecimal accuracy() {
        return Ratios.fraction(truePositives + trueNegatives, signals);
    }

    /** The accuracy of always predicting the more frequent outcome: max(hits, misses) / n; null when n = 0. */
    public @Nullable BigDecimal baselineAccuracy() {
        return Ratios.fraction(Math.max(hits, signals - hits), signals);
    }

    /** true positives / positive predictions; null without positive predictions. */
    public @Nullable BigDecimal precision() {
        return Ratios.fraction(truePositives, truePositives + falsePositives);
    }

    /** true positives / hits; null without hits. */
    public @Nullable BigDecimal recall() {
        return Ratios.fraction(truePositives, hits);
    }

    /** Σ confidence / n; null when n = 0. */
    public @Nullable Double meanConfidence() {
        return signals == 0 ? null : sumOfConfidences / signals;
    }

    /** The Brier score Σ (confidence − hit)² / n: 0 is perfect, lower is better; null when n = 0. */
    public @Nullable Double brierScore() {
        return signals == 0 ? null : sumOfSquaredErrors / signals;
    }

    /**
     * The Brier score of always saying the base rate b = hits / n: Σ (b − hit)² / n = b (1 − b). A signal is worth
     * something only below it. Null when n = 0.
     */
    public @Nullable Double baselineBrierScore() {
        if (signals == 0) {
            return null;
        }
        double baseRate = (double) hits / signals;
        return baseRate * (1 - baseRate);
    }

    /** 1 − Brier / baseline Brier: &gt; 0 beats the base rate, 1 is perfect; null when the baseline is 0 or n = 0. */
    public @Nullable Double brierSkillScore() {
        Double baseline = baselineBrierScore();
        return baseline == null || baseline == 0 ? null : 1 - sumOfSquaredErrors / signals / baseline;
    }
}
