package com.crashanalytics.benchmarks.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's embedded PostgreSQL, reached directly: for the baselines, for bulk data, and to count the statements
 * the gateway sends, with {@code pg_stat_statements} (loaded at the server's start: see {@link #preloadStatementStatistics}).
 */
public final class Database {

    private final String url;

    public Database(String url) {
        this.url = url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    public String serverVersion() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of one session in each table a round writes to: rounds, outcomes, multiplier samples, signals. */
    public List<Long> rowsOfSession(String sessionId) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT (SELECT count(*) FROM crash_game_rounds WHERE session_id = ?),
                       (SELECT count(*) FROM analytics_round_outcomes WHERE session_id = ?),
                       (SELECT count(*) FROM analytics_round_multipliers WHERE session_id = ?),
                       (SELECT count(*) FROM analytics_round_signals WHERE session_id = ?)
                """)) {
            for (int i = 1; i <= 4; i++) {
                statement.setString(i, sessionId);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    /**
     * Asks the server to load pg_stat_statements from its next start (a setting in postgresql.auto.conf of the
     * temporary data directory); the caller restarts the gateway, which restarts its PostgreSQL.
     */
    public void preloadStatementStatistics() throws SQLException {
        execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    }

    /** After the restart: the extension's view. Tracks top-level statements, BEGIN, SET and COMMIT included. */
    public void createStatementStatistics() throws SQLException {
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /**
     * Statements executed while {@code work} ran: every client's, so run nothing else meanwhile. The connection set-up
     * of the harness's own reading connection ({@code SET application_name}) is left out.
     */
    public StatementCount countStatements(Work work) throws Exception {
        execute("SELECT pg_stat_statements_reset()");
        work.run();
        long all = 0;
        long queries = 0;
        List<String> breakdown = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT calls, query ~* '^\\s*(select|with|insert|update|delete)' AS is_query,
                            left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
                     FROM pg_stat_statements
                     WHERE query NOT LIKE '%pg_stat_statements%'
                       AND query NOT LIKE 'SET application_name%'
                     ORDER BY calls DESC, query
                     """)) {
            while (rs.next()) {
                all += rs.getLong(1);
                queries += rs.getBoolean(2) ? rs.getLong(1) : 0;
                breakdown.add(rs.getLong(1) + " x " + rs.getString(3));
            }
        }
        return new StatementCount(all, queries, breakdown);
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * @param all     every statement: queries and transaction control (BEGIN, SET, COMMIT)
     * @param queries   SELECT (or WITH) and data-changing statements only
     * @param breakdown each statement's calls and the start of its text, most called first
     */
    public record StatementCount(long all, long queries, List<String> breakdown) {

        public StatementCount {
            breakdown = List.copyOf(breakdown);
        }

        public double allPer(int operations) {
            return (double) all / operations;
        }

        public double queriesPer(int operations) {
            return (double) queries / operations;
        }
    }
}
