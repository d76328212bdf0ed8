package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A simulated model's prediction: "a round ≥ threshold within the next withinRounds rounds of the table".
 *
 * @param predictionId the model's own id for it (the idempotency key of logPrediction)
 * @param madeAt       the point of the table's history it was made at
 */
public record SimulatedPrediction(String modelName, String predictionId, GameTable table, Instant madeAt,
                                  BigDecimal threshold, int withinRounds, double confidence) {
}
