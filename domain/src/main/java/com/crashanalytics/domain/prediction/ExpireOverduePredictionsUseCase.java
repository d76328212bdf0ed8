package com.crashanalytics.domain.prediction;

import java.time.Instant;
import java.util.List;

/**
 * Inbound port: gives a verdict to the pending predictions whose deadline passed long ago with no round after it
 * logged, so a game whose rounds stopped does not leave them PENDING for ever.
 */
public interface ExpireOverduePredictionsUseCase {

    /** One pass as of {@code now}; does nothing when another replica is doing it. */
    Expiry expire(Instant now);

    /**
     * What a pass did.
     *
     * @param ran      false when another replica held the job's lock, so this one did nothing
     * @param verdicts the predictions it judged (EXPIRED, or decided by rounds already logged)
     */
    record Expiry(boolean ran, List<Prediction> verdicts) {

        public static Expiry skipped() {
            return new Expiry(false, List.of());
        }
    }
}
