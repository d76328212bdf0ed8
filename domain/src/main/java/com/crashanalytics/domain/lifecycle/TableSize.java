package com.crashanalytics.domain.lifecycle;

/**
 * One table's footprint on disk.
 *
 * @param table         the table's name
 * @param estimatedRows the planner's row estimate (kept by VACUUM and ANALYZE), not a count: cheap at any size
 * @param dataBytes     the rows: heap, TOAST (large values stored aside) and the free-space and visibility maps
 * @param indexBytes    every index of the table
 * @param totalBytes    {@code dataBytes + indexBytes}
 */
public record TableSize(String table, long estimatedRows, long dataBytes, long indexBytes, long totalBytes) {
}
