package com.crashanalytics.domain.analytics.signals;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One ML signal whose round is over: it said, with {@code confidence}, that the round would reach its predicted
 * multiplier, and the round did or did not ({@code analytics_round_signals.confidence_score} and
 * {@code signal_correctness}; signals whose round has no crash multiplier yet are not outcomes yet).
 *
 * @param signalType    which model or rule emitted it
 * @param confidence    the predicted probability of reaching the target, in [0, 1]
 * @param reachedTarget whether the round reached the predicted multiplier
 */
public record SignalOutcome(String signalType, double confidence, boolean reachedTarget,
                            @Nullable BigDecimal targetMultiplier, @Nullable BigDecimal returnToPlayer) {

    /** A signal whose target and game are unknown: it counts in every figure but the theoretical ones. */
    public SignalOutcome(String signalType, double confidence, boolean reachedTarget) {
        this(signalType, confidence, reachedTarget, null, null);
    }

    /**
     * What the game itself says of reaching the target x: P(crash ≥ x) = RTP / x, at most 1 (RTP = 1 − house edge
     * of the round's platform). Null when the target or the RTP is unknown.
     */
    public @Nullable Double theoreticalChance() {
        if (targetMultiplier == null || returnToPlayer == null) {
            return null;
        }
        return Math.min(1, returnToPlayer.doubleValue() / targetMultiplier.doubleValue());
    }

    /**
     * The P/L per unit staked of betting on the round with a cash-out at the target: x − 1 when it reached it, −1 when
     * not. Null when the target is unknown.
     */
    public @Nullable BigDecimal profitPerUnitIfBet() {
        if (targetMultiplier == null) {
            return null;
        }
        return reachedTarget ? targetMultiplier.subtract(BigDecimal.ONE) : BigDecimal.ONE.negate();
    }

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

    /** (P(crash ≥ x) − outcome)²: the squared error of the game's own odds; null when they are unknown. */
    @Nullable Double theoreticalSquaredError() {
        Double chance = theoreticalChance();
        if (chance == null) {
            return null;
        }
        double error = chance - (reachedTarget ? 1 : 0);
        return error * error;
    }

    /** (confidence − outcome)², outcome 1 when the target was reached and 0 when not. */
    double squaredError() {
        double error = confidence - (reachedTarget ? 1 : 0);
        return error * error;
    }
}
