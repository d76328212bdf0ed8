package com.crashanalytics.persistence.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One JDBC batch per statement and list of rows: one round trip, and with {@code reWriteBatchedInserts} an
 * INSERT batch becomes multi-row inserts. Never one statement per row.
 */
public final class Batches {

    private Batches() {
    }

    /** Fills one row's parameters, in the order of the statement's placeholders. */
    @FunctionalInterface
    public interface RowParameters<T> {
        void fill(Parameters parameters, T row) throws SQLException;
    }

    public static <T> void run(JdbcTemplate jdbc, String sql, List<T> rows, RowParameters<T> fill) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                fill.fill(new Parameters(statement), rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
