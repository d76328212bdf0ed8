package com.crashanalytics.benchmarks.database;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.benchmarks.database.RoundRows.Rows;
import com.crashanalytics.benchmarks.database.RoundRows.Table;
import com.crashanalytics.benchmarks.workload.PlayedRound;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The three ways the baselines write rounds' rows, each on a connection of its own (autocommit off):
 * <ul>
 *   <li>{@link Batches}: a plain JDBC batch insert per table ({@code reWriteBatchedInserts} makes each a multi-row
 *       INSERT), then a commit: what a bulk loader without the gateway would do;</li>
 *   <li>{@link OnePerTransaction}: one round per transaction, its four INSERTs in one multi-statement (one round
 *       trip), then a commit: the floor of a commit per round;</li>
 *   <li>{@link Copies}: COPY per table, then a commit: PostgreSQL's fastest way in, the ceiling.</li>
 * </ul>
 */
public final class RoundWriters {

    private RoundWriters() {
    }

    /** JDBC batches, one per table, per call; one commit per call. */
    public static final class Batches {
        private final Connection connection;
        private final PreparedStatement rounds;
        private final PreparedStatement outcomes;
        private final PreparedStatement samples;
        private final PreparedStatement signals;

        public Batches(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.rounds = connection.prepareStatement(RoundRows.ROUNDS.insert(1));
            this.outcomes = connection.prepareStatement(RoundRows.OUTCOMES.insert(1));
            this.samples = connection.prepareStatement(RoundRows.SAMPLES.insert(1));
            this.signals = connection.prepareStatement(RoundRows.SIGNALS.insert(1));
        }

        public void write(List<PlayedRound> played) throws SQLException {
            for (PlayedRound round : played) {
                Rows rows = RoundRows.of(round);
                bind(rounds, 0, rows.round());
                rounds.addBatch();
                bind(outcomes, 0, rows.outcome());
                outcomes.addBatch();
                for (Object[] sample : rows.samples()) {
                    bind(samples, 0, sample);
                    samples.addBatch();
                }
                bind(signals, 0, rows.signal());
                signals.addBatch();
            }
            rounds.executeBatch();
            outcomes.executeBatch();
            samples.executeBatch();
            signals.executeBatch();
            connection.commit();
        }
    }

    /** One round per transaction: one multi-statement of its four INSERTs, one commit. */
    public static final class OnePerTransaction {
        private final Connection connection;
        private final Map<Integer, PreparedStatement> bySampleCount = new HashMap<>();

        public OnePerTransaction(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
        }

        public void write(PlayedRound round) throws SQLException {
            Rows rows = RoundRows.of(round);
            PreparedStatement statement = statementFor(rows.samples().size());
            int at = bind(statement, 0, rows.round());
            at = bind(statement, at, rows.outcome());
            for (Object[] sample : rows.samples()) {
                at = bind(statement, at, sample);
            }
            bind(statement, at, rows.signal());
            statement.execute();
            connection.commit();
        }

        private PreparedStatement statementFor(int samples) throws SQLException {
            PreparedStatement statement = bySampleCount.get(samples);
            if (statement == null) {
                statement = connection.prepareStatement(String.join(";\n", RoundRows.ROUNDS.insert(1),
                        RoundRows.OUTCOMES.insert(1), RoundRows.SAMPLES.insert(samples), RoundRows.SIGNALS.insert(1)));
                bySampleCount.put(samples, statement);
            }
            return statement;
        }
    }

    /** COPY, one per table, per call; one commit per call. */
    public static final class Copies {
        private final Connection connection;
        private final CopyManager copy;

        public Copies(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        public void write(List<PlayedRound> played) throws SQLException, IOException {
            StringBuilder rounds = new StringBuilder();
            StringBuilder outcomes = new StringBuilder();
            StringBuilder samples = new StringBuilder();
            StringBuilder signals = new StringBuilder();
            for (PlayedRound round : played) {
                Rows rows = RoundRows.of(round);
                line(rounds, rows.round());
                line(outcomes, rows.outcome());
                rows.samples().forEach(sample -> line(samples, sample));
                line(signals, rows.signal());
            }
            copy(RoundRows.ROUNDS, rounds);
            copy(RoundRows.OUTCOMES, outcomes);
            copy(RoundRows.SAMPLES, samples);
            copy(RoundRows.SIGNALS, signals);
            connection.commit();
        }

        private void copy(Table table, StringBuilder lines) throws SQLException, IOException {
            copy.copyIn(table.copy(), new StringReader(lines.toString()));
        }

        private static void line(StringBuilder lines, Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    lines.append('\t');
                }
                RoundRows.appendCopyValue(lines, values[i]);
            }
            lines.append('\n');
        }
    }

    /** Binds a row's values after the first {@code offset} parameters; returns the next offset. */
    private static int bind(PreparedStatement statement, int offset, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(offset + i + 1, values[i]);
        }
        return offset + values.length;
    }
}
