package com.crashanalytics.persistence.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One JDBC batch per statement and list of rows: one round trip, and with {@code reWriteBatchedInserts} an
 * INSERT batch becomes multi-row inserts. Never one statement per row. Several small batches go together in a
 * single round trip ({@link #runTogether}); the many rows of a plain insert go as a COPY ({@link CopyLines}).
 */
public final class Batches {

    /**
     * Up to this many rows in all, the batches of {@link #runTogether} are sent as one multi-statement: one round
     * trip instead of one per batch (a round logged alone is six rows; a few dozen rounds logged together fit).
     * Beyond it, each batch goes alone, as the driver rewrites it into multi-row inserts, so the statement text and
     * its parameters stay bounded (a row binds at most 40 parameters; the protocol allows 32,767 a statement).
     */
    static final int ROWS_IN_ONE_ROUND_TRIP = 256;

    /**
     * From this many rows, an insert whose values are all placeholders is sent as a COPY ({@link CopyLines}): two
     * round trips instead of one, paid back many times over by rows PostgreSQL stores without a statement each.
     */
    static final int COPY_FROM_ROWS = 64;

    /** The one row of a statement run once ({@link #once}): it binds nothing. */
    private static final Object ONE_RUN = new Object();

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

    /** A statement without parameters, run once in its place among the batches (a {@code SET LOCAL}, say). */
    public static Batch<Object> once(String sql) {
        return new Batch<>(sql, List.of(ONE_RUN), (parameters, run) -> { });
    }

    /** Whether {@link #COPY_FROM_ROWS} or more rows of {@code insert} are sent as a COPY. */
    public static boolean copies(String insert) {
        return CopyLines.copyOf(insert).isPresent();
    }

    public static <T> void run(JdbcTemplate jdbc, String sql, List<T> rows, RowParameters<T> fill) {
        if (rows.isEmpty()) {
            return;
        }
        Optional<String> copy = rows.size() >= COPY_FROM_ROWS ? CopyLines.copyOf(sql) : Optional.empty();
        if (copy.isPresent()) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                CopyLines.copy(connection, copy.get(), rows, fill);
                return null;
            });
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                fill.fill(Parameters.of(statement), rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /**
     * Runs the batches in order. A few rows in all (one round logged, its samples and its session; or a few rounds
     * logged together) go as one multi-statement in a single round trip: the driver sends every statement before it
     * waits, and the server runs them in order, stopping at the first error (which fails the transaction, as a
     * failing batch would). In it, an INSERT of one row of values is sent once with a row of values per row (what
     * {@code reWriteBatchedInserts} does for a batch), so a table's statement triggers run once for all its rows;
     * other statements go once per row. More rows go as one batch each.
     */
    public static void runTogether(JdbcTemplate jdbc, List<Batch<?>> batches) {
        List<Batch<?>> nonEmpty = batches.stream().filter(batch -> !batch.rows().isEmpty()).toList();
        int rows = nonEmpty.stream().mapToInt(batch -> batch.rows().size()).sum();
        if (nonEmpty.size() <= 1 || rows > ROWS_IN_ONE_ROUND_TRIP) {
            nonEmpty.forEach(batch -> runAlone(jdbc, batch));
            return;
        }
        String statements = nonEmpty.stream().map(Batches::statementsOf).collect(Collectors.joining(";\n"));
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(statements)) {
                Parameters parameters = Parameters.of(statement);
                for (Batch<?> batch : nonEmpty) {
                    batch.fillAll(parameters);
                }
                statement.execute();
            }
            return null;
        });
    }

    /** The batch's statement for all of its rows: one multi-row INSERT where it can be, else once per row. */
    static String statementsOf(Batch<?> batch) {
        int rows = batch.rows().size();
        Optional<OneRowInsert> insert = rows > 1 ? OneRowInsert.of(batch.sql()) : Optional.empty();
        if (insert.isPresent()) {
            return insert.get().head() + String.join(", ", Collections.nCopies(rows, insert.get().row()));
        }
        return String.join(";\n", Collections.nCopies(rows, batch.sql()));
    }

    private static <T> void runAlone(JdbcTemplate jdbc, Batch<T> batch) {
        run(jdbc, batch.sql(), batch.rows(), batch.fill());
    }
}
