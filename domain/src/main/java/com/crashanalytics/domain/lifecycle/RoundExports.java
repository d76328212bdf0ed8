package com.crashanalytics.domain.lifecycle;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Outbound port: the rounds a query selects, oldest first ({@code round_start_timestamp}, then id), handed to the
 * consumer one at a time as the database yields them: never collected, so an export of millions of rows holds one
 * row in memory. Runs inside the caller's transaction. Both return the number of rows handed over.
 */
public interface RoundExports {

    /** Each round as text cells in {@link RoundExportColumns} order; null where the round has no value. */
    long streamCells(RoundExportQuery query, Consumer<@Nullable String[]> row);

    /** Each round as one JSON object (one line, keys in {@link RoundExportColumns} order). */
    long streamJsonLines(RoundExportQuery query, Consumer<String> line);
}
