package com.crashanalytics.domain.analytics.integrity;

import java.math.BigDecimal;

/** One bot's reading of a game round's crash point. */
public record OcrReading(String botId, BigDecimal crashMultiplier) {
}
