package com.crashanalytics.domain.lifecycle;

import java.time.Instant;
import java.util.List;

/** A clean-up's answer: per table of every kind that has a keep time, the rows deleted (or that would be). */
public record CleanupReport(boolean dryRun, Instant ranAt, List<TableCleanup> tables) {

    public CleanupReport {
        tables = List.copyOf(tables);
    }
}
