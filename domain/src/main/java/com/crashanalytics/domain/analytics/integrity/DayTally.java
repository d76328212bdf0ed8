package com.crashanalytics.domain.analytics.integrity;

import java.time.LocalDate;

/** One UTC day of a game and platform: its game rounds and how many of them crashed at or above the target. */
public record DayTally(LocalDate day, long rounds, long hits) {
}
