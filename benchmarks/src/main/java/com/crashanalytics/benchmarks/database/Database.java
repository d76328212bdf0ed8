package com.crashanalytics.benchmarks.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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
     * Whether pg_stat_statements also records the statements run inside functions and triggers (its {@code track}
     * setting, {@code all} or {@code top}) and the time spent planning statements ({@code track_planning}), from the next statement of each connection on: a reloaded setting reaches
     * a connection between its statements, so turn it on before the untimed warm-up of what is to be counted.
     */
    public void trackNestedStatements(boolean nested) throws SQLException {
        execute("ALTER SYSTEM SET pg_stat_statements.track = '" + (nested ? "all" : "top") + "'");
        execute("ALTER SYSTEM SET pg_stat_statements.track_planning = " + (nested ? "on" : "off"));
        execute("SELECT pg_reload_conf()");
    }

    /**
     * Statements executed while {@code work} ran: every client's, so run nothing else meanwhile. The connection set-up
     * of the harness's own reading connection ({@code SET application_name}) is left out. Counts are of the
     * statements clients sent; the statements of functions and triggers (recorded only while
     * {@link #trackNestedStatements} is on) are listed apart with their time, as they are no round trips.
     */
    public StatementCount countStatements(Work work) throws Exception {
        return countStatements(work, statement -> false);
    }

    /**
     * The same, leaving out (listed apart, not counted) the statements whose text {@code leftOut} accepts: what the
     * gateway runs on its own schedule whether or not {@code work} sends anything, which a count of what reads cost
     * must not charge to them (see {@code GatewayBackground}).
     */
    public StatementCount countStatements(Work work, Predicate<String> leftOut) throws Exception {
        execute("SELECT pg_stat_statements_reset()");
        work.run();
        long all = 0;
        long queries = 0;
        List<String> breakdown = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        List<String> leftOutLines = new ArrayList<>();
        double millis = 0;
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT calls, query ~* '^\\s*(select|with|insert|update|delete)' AS is_query,
                            left(regexp_replace(query, '\\s+', ' ', 'g'), 100), toplevel,
                            round(total_exec_time::numeric, 1), round(total_plan_time::numeric, 1), query
                     FROM pg_stat_statements
                     WHERE query NOT LIKE '%pg_stat_statements%'
                       AND query NOT LIKE 'SET application_name%'
                     ORDER BY toplevel DESC, calls DESC, total_exec_time DESC, query
                     """)) {
            while (rs.next()) {
                String line = rs.getLong(1) + " x " + rs.getBigDecimal(5) + " ms (planning " + rs.getBigDecimal(6)
                        + " ms): " + rs.getString(3);
                if (!rs.getBoolean(4)) {
                    nested.add(line);
                    continue;
                }
                if (leftOut.test(rs.getString(7))) {
                    leftOutLines.add(line);
                    continue;
                }
                all += rs.getLong(1);
                millis += rs.getDouble(5);
                queries += rs.getBoolean(2) ? rs.getLong(1) : 0;
                breakdown.add(line);
            }
        }
        return new StatementCount(all, queries, millis, breakdown, nested, leftOutLines);
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * @param all     every statement: queries and transaction control (BEGIN, SET, COMMIT)
     * @param queries   SELECT (or WITH) and data-changing statements only
     * @param millis    the server's execution time of those statements (their functions' and triggers' included)
     * @param breakdown each statement's calls, its total execution time, its planning time (when tracked) and the start of its text, most called first
     * @param nested    the same for statements run inside functions and triggers, when they were tracked
     * @param leftOut   the same for the statements left out of the count (the gateway's own background work)
     */
    public record StatementCount(long all, long queries, double millis, List<String> breakdown,
                                 List<String> nested, List<String> leftOut) {

        public StatementCount {
            breakdown = List.copyOf(breakdown);
            nested = List.copyOf(nested);
            leftOut = List.copyOf(leftOut);
        }

        public double allPer(int operations) {
            return (double) all / operations;
        }

        public double queriesPer(int operations) {
            return (double) queries / operations;
        }

        public double millisPer(int operations) {
            return millis / operations;
        }
    }
}
