package com.crashanalytics.domain.lifecycle;

import java.util.List;

/**
 * The database's footprint: its tables, largest first, and the whole database's size on disk (which also holds the
 * system catalogs and the migration tool's bookkeeping, so it is at least the tables' sum).
 */
public record DatabaseSize(List<TableSize> tables, long totalBytes) {

    public DatabaseSize {
        tables = List.copyOf(tables);
    }
}
