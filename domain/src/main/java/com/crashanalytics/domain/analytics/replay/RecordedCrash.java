package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.time.Instant;

/** One game round's crash point as the bots recorded it (one per game round however many bots watched it). */
public record RecordedCrash(Instant startedAt, BigDecimal multiplier) {
}
