package com.crashanalytics.domain.lifecycle;

import java.time.Instant;

/**
 * What a clean-up did (or, in a dry run, would do) to one table.
 *
 * @param table     the table
 * @param olderThan rows before this instant go
 * @param rows      rows deleted (a dry run: rows that would be deleted)
 */
public record TableCleanup(String table, Instant olderThan, long rows) {
}
