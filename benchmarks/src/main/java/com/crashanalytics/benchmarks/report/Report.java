package com.crashanalytics.benchmarks.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run: when (ISO-8601 instants), how (mode and settings), on what machine, every row, the phases, and notes (how the figures
 * were taken, checks that passed).
 */
public record Report(int formatVersion, String startedAt, String finishedAt, String mode, Map<String, Object> settings,
                     Machine machine, List<Row> rows, List<PhaseLog> phases, List<String> checks, List<String> notes) {

    public Report {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        rows = List.copyOf(rows);
        phases = List.copyOf(phases);
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }
}
