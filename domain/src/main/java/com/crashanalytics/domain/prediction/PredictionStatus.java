package com.crashanalytics.domain.prediction;

/** Where a prediction stands. Every status but PENDING is a verdict, and a verdict is final. */
public enum PredictionStatus {
    /** Not decided yet: not enough rounds after it have been logged. */
    PENDING,
    /** What it claimed happened. */
    HIT,
    /** What it claimed did not happen. */
    MISS,
    /**
     * Undecidable: a round was logged that started after the prediction's deadline ({@code expiresAt}) before enough
     * rounds had been seen, so rounds in between may have been missed (nobody was watching the game).
     */
    EXPIRED
}
