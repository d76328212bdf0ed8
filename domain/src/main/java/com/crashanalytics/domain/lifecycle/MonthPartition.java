package com.crashanalytics.domain.lifecycle;

/**
 * One month's partition of one of the rounds' tables.
 *
 * @param table     the partitioned table, e.g. crash_game_rounds
 * @param partition the partition's own table, e.g. crash_game_rounds_2026_08
 * @param rows      the rows it holds (held, once dropped)
 */
public record MonthPartition(String table, String partition, long rows) {
}
