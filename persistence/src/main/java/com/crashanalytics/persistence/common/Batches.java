package com.crashanalytics.persistence.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One JDBC batch per statement and list of rows: one round trip, and with {@code reWriteBatchedInserts} an
 * INSERT batch becomes multi-row inserts. Never one statement per row. Several small batches go together in a
 * single round trip ({@link #runTogether}).
 */
public final class Batches {

    /**
     * Up to this many rows in all, the batches of {@link #runTogether} are sent as one multi-statement: one round
     * trip instead of one per batch. Beyond it, each batch goes alone, so that the driver can rewrite large INSERT
     * batches into multi-row inserts and the statement text stays small.
     */
    static final int ROWS_IN_ONE_ROUND_TRIP = 32;

    private Batches() {
    }

    /** Fills one row's parameters, in the order of the statement's placeholders. */
    @FunctionalInterface
    public interface RowParameters<T> {
        void fill(Parameters parameters, T row) throws SQLException;
    }

    /** A statement and the rows to run it for. */
    public record Batch<T>(String sql, List<T> rows, RowParameters<T> fill) {

        /** This batch's statement once per row, and their parameters, into {@code parameters} in that order. */
        private void fillAll(Parameters parameters) throws SQLException {
            for (T row : rows) {
                fill.fill(parameters, row);
            }
        }
    }

    public static <T> Batch<T> of(String sql, List<T> rows, RowParameters<T> fill) {
        return new Batch<>(sql, rows, fill);
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

    /**
     * Runs the batches in order. A few rows in all (one round logged, its samples and its session) go as one
     * multi-statement in a single round trip: the driver sends every statement before it waits, and the server runs
     * them in order, stopping at the first error (which fails the transaction, as a failing batch would). More rows
     * go as one batch each.
     */
    public static void runTogether(JdbcTemplate jdbc, List<Batch<?>> batches) {
        List<Batch<?>> nonEmpty = batches.stream().filter(batch -> !batch.rows().isEmpty()).toList();
        int rows = nonEmpty.stream().mapToInt(batch -> batch.rows().size()).sum();
        if (nonEmpty.size() <= 1 || rows > ROWS_IN_ONE_ROUND_TRIP) {
            nonEmpty.forEach(batch -> runAlone(jdbc, batch));
            return;
        }
        String statements = nonEmpty.stream()
                .flatMap(batch -> batch.rows().stream().map(row -> batch.sql()))
                .collect(Collectors.joining(";\n"));
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(statements)) {
                Parameters parameters = new Parameters(statement);
                for (Batch<?> batch : nonEmpty) {
                    batch.fillAll(parameters);
                }
                statement.execute();
            }
            return null;
        });
    }

    private static <T> void runAlone(JdbcTemplate jdbc, Batch<T> batch) {
        run(jdbc, batch.sql(), batch.rows(), batch.fill());
    }
}
