package com.crashanalytics.domain.prediction;

import java.math.BigDecimal;

/**
 * What acting on a decided prediction would have made: stake 1 unit with a cash-out at x on each round of the window
 * the prediction names, until the first round ≥ x (which wins x − 1) or the window's end. The window is rounds 1 to N
 * for WITHIN_ROUNDS and NEXT_ROUND, rounds gapFrom to gapTo for GAP.
 * <ul>
 *   <li>HIT at position G: G − start + 1 units staked (start = 1, or gapFrom), profit x − (G − start + 1).</li>
 *   <li>MISS after the window: its length in units staked and lost.</li>
 *   <li>MISS of a GAP whose first round ≥ x came before gapFrom: nothing staked yet, profit 0.</li>
 * </ul>
 * By the crash law every unit staked at any cash-out is worth RTP − 1, so the same bets are expected to make
 * (RTP − 1) × units staked: the baseline a model's bets must beat (and not betting makes 0).
 */
public record PredictionBet(int unitsStaked, BigDecimal profit) {

    /** The bet on a HIT or MISS prediction. */
    public static PredictionBet on(Prediction prediction) {
        int start = prediction.gapFrom() != null ? prediction.gapFrom() : 1;
        int windowLength = prediction.horizonRounds() - start + 1;
        if (prediction.cameTrue()) {
            int staked = prediction.firstHitAfterRounds() - start + 1;
            return new PredictionBet(staked, prediction.threshold().subtract(BigDecimal.valueOf(staked)));
        }
        if (prediction.firstHitAfterRounds() != null) {
            return new PredictionBet(0, BigDecimal.ZERO); // the hit came before the window: no bet was placed
        }
        return new PredictionBet(windowLength, BigDecimal.valueOf(-windowLength));
    }
}
