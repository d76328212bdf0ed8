package com.crashanalytics.domain.analytics.signals;

import java.util.Objects;

/**
 * One ML signal whose round is over: it said, with {@code confidence}, that the round would reach its predicted
 * multiplier, and the round did or did not ({@code analytics_round_signals.confidence_score} and
 * {@code signal_correctness}; signals whose round has no crash multiplier yet are not outcomes yet).
 *
 * @param signalType    which model or rule emitted it
 * @param confidence    the predicted probability of reaching the target, in [0, 1]
 * @param reachedTarget whether the round reached the predicted multiplier
 */
public record SignalOutcome(String signalType, double confidence, boolean reachedTarget) {

    /** A confidence at or above this is a prediction that the round reaches its target. */
    public static final double POSITIVE_CONFIDENCE = 0.5;

    public SignalOutcome {
        Objects.requireNonNull(signalType, "signalType");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a confidence is in [0, 1], got " + confidence);
        }
    }

    /** Whether the signal predicted the target would be reached (confidence ≥ 0.5). */
    public boolean predictsTarget() {
        return confidence >= POSITIVE_CONFIDENCE;
    }

    /** (confidence − outcome)², outcome 1 when the target was reached and 0 when not. */
    double squaredError() {
        double error = confidence - (reachedTarget ? 1 : 0);
        return error * error;
    }
}
