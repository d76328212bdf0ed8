package com.crashanalytics.persistence.lifecycle;

import java.util.List;

import com.crashanalytics.domain.lifecycle.DatabaseSize;
import com.crashanalytics.domain.lifecycle.DatabaseSizeReadModel;
import com.crashanalytics.domain.lifecycle.TableSize;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sizes from PostgreSQL's own accounting: {@code pg_table_size} (heap, TOAST, free-space and visibility maps),
 * {@code pg_indexes_size} and {@code pg_total_relation_size} (their sum), for the gateway's schema's tables. Rows are
 * the planner's estimate ({@code pg_class.reltuples}, kept by ANALYZE and VACUUM); a table never analysed yet
 * reports the statistics system's live-row count instead. Nothing here reads a table's rows.
 */
public class JdbcDatabaseSizeReadModel implements DatabaseSizeReadModel {

    private static final String TABLES = """
            SELECT c.relname AS table_name,
                   CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE coalesce(s.n_live_tup, 0) END AS estimated_rows,
                   pg_table_size(c.oid) AS data_bytes,
                   pg_indexes_size(c.oid) AS index_bytes,
                   pg_total_relation_size(c.oid) AS total_bytes
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
            ORDER BY total_bytes DESC, table_name
            """;

    private final JdbcClient jdbc;

    public JdbcDatabaseSizeReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DatabaseSize databaseSize() {
        List<TableSize> tables = jdbc.sql(TABLES)
                .query((rs, row) -> new TableSize(rs.getString("table_name"), rs.getLong("estimated_rows"),
                        rs.getLong("data_bytes"), rs.getLong("index_bytes"), rs.getLong("total_bytes")))
                .list();
        long total = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        return new DatabaseSize(tables, total);
    }
}
