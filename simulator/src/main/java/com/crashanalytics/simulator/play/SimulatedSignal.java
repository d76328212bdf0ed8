package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A model's prediction before take-off: the round reaches {@code predictedMultiplier} with probability
 * {@code confidence}.
 *
 * @param clientSignalId the bot's own id for the signal, unique within the round and signal type
 */
public record SimulatedSignal(
        String signalType, String clientSignalId, Instant at, BigDecimal predictedMultiplier, double confidence) {
}
