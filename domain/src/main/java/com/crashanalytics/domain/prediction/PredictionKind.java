package com.crashanalytics.domain.prediction;

/**
 * What a prediction claims about the game rounds after it was made. Every kind names a threshold x; a round "hits"
 * when its crash point is ≥ x. Positions count the game's rounds after the prediction, from 1.
 */
public enum PredictionKind {
    /** A hit among the next N rounds (N = {@code withinRounds}). */
    WITHIN_ROUNDS,
    /** The very next round hits: WITHIN_ROUNDS with N = 1. */
    NEXT_ROUND,
    /**
     * The gap until the next hit, i.e. the position of the first hit, lies in the interval [gapFrom, gapTo]; the model
     * also names its point estimate ({@code predictedGap}).
     */
    GAP
}
