package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One multiplier reading during a round's flight.
 *
 * @param sampleIndex   0, 1, ... within the round
 * @param elapsedMillis time since take-off
 * @param crashReading  whether this is the reading of the crash multiplier (the round's last sample)
 * @param ocrConfidence the OCR's confidence in this reading, in [0, 1]
 */
public record MultiplierSample(
        int sampleIndex, long elapsedMillis, Instant at, BigDecimal multiplier, boolean crashReading, double ocrConfidence) {
}
