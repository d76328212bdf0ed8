package com.crashanalytics.domain.prediction;

import java.math.BigDecimal;

/**
 * The crash law's answer to a prediction: in a provably fair game every round reaches x independently with
 * p = min(1, RTP / x), so the first round ≥ x comes at a geometric position G: P(G ≤ n) = 1 − (1 − p)^n.
 * <ul>
 *   <li>WITHIN_ROUNDS / NEXT_ROUND: P(hit) = P(G ≤ N) = 1 − (1 − p)^N.</li>
 *   <li>GAP: P(gapFrom ≤ G ≤ gapTo) = (1 − p)^(gapFrom − 1) − (1 − p)^gapTo.</li>
 * </ul>
 * A model is worth something only when it beats these numbers: they are what knowing nothing but the house edge gives.
 *
 * @param rtp       return to player, 1 − house edge (0.97 for 3%)
 * @param threshold x
 */
public record CrashLaw(BigDecimal rtp, BigDecimal threshold) {

    public static CrashLaw of(BigDecimal rtp, BigDecimal threshold) {
        return new CrashLaw(rtp, threshold);
    }

    /** p = min(1, RTP / x): the chance one round reaches x. */
    public double hitChancePerRound() {
        return Math.min(1, rtp.doubleValue() / threshold.doubleValue());
    }

    /** The chance the prediction comes true by the law alone. */
    public double probabilityOfHit(Prediction prediction) {
        double miss = 1 - hitChancePerRound();
        return switch (prediction.kind()) {
            case WITHIN_ROUNDS, NEXT_ROUND -> 1 - Math.pow(miss, prediction.horizonRounds());
            case GAP -> Math.pow(miss, prediction.gapFrom() - 1) - Math.pow(miss, prediction.gapTo());
        };
    }
}
