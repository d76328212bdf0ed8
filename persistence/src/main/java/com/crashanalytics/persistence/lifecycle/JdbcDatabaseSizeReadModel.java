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
 * reports the statistics system's live-row count instead. Nothing here reads a table's rows. A partitioned table is
 * reported whole: its partitions' sums.
 */
public class JdbcDatabaseSizeReadModel implements DatabaseSizeReadModel {

    /** A partitioned table (changelog 0300) counts as one, the sum of its partitions, which are not listed apart. */
    private static final String TABLES = """
            SELECT c.relname AS table_name,
                   sum(CASE WHEN l.reltuples >= 0 THEN l.reltuples::bigint ELSE coalesce(s.n_live_tup, 0) END)::bigint
                       AS estimated_rows,
                   sum(pg_table_size(l.oid))::bigint AS data_bytes,
                   sum(pg_indexes_size(l.oid))::bigint AS index_bytes,
                   sum(pg_total_relation_size(l.oid))::bigint AS total_bytes
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL (SELECT c.oid AS relid WHERE c.relkind = 'r'
                                UNION ALL
                                SELECT t.relid FROM pg_partition_tree(c.oid) t WHERE c.relkind = 'p' AND t.isleaf) AS storage
            JOIN pg_class l ON l.oid = storage.relid
            LEFT JOIN pg_stat_user_tables s ON s.relid = l.oid
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            GROUP BY c.relname
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
