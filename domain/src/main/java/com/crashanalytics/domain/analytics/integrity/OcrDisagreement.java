package com.crashanalytics.domain.analytics.integrity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A game round several bots watched and read differently.
 *
 * @param startedAt    the start time of its earliest observation
 * @param observations rounds logged for it (with a crash multiplier)
 * @param spread       highestReading − lowestReading
 * @param readings     every reading, by bot id
 */
public record OcrDisagreement(String roundExternalId, Instant startedAt, int observations, BigDecimal lowestReading,
                              BigDecimal highestReading, BigDecimal spread, List<OcrReading> readings) {
}
