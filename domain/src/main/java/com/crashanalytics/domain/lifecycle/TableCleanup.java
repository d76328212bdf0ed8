package com.crashanalytics.domain.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * What a clean-up did (or, in a dry run, would do) to one table.
 *
 * @param table              the table
 * @param olderThan          rows before this instant go
 * @param rows               rows deleted (a dry run: rows that would be deleted), those of dropped partitions included
 * @param droppedPartitions  the table's month partitions dropped whole (a dry run: that would be), oldest first
 */
public record TableCleanup(String table, Instant olderThan, long rows, List<String> droppedPartitions) {

    public TableCleanup {
        droppedPartitions = List.copyOf(droppedPartitions);
    }

    /** A table nothing was dropped from whole. */
    public TableCleanup(String table, Instant olderThan, long rows) {
        this(table, olderThan, rows, List.of());
    }
}
