package com.crashanalytics.persistence.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.crashanalytics.domain.analytics.performance.EquityReturns;
import com.crashanalytics.domain.analytics.performance.ReturnRatios;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;

/**
 * The CTEs behind {@link EquityReturns}, appended to a statement that already has a CTE {@code ordered} with columns
 * {@code k} (the subject), {@code session_id}, {@code id}, {@code ts} and {@code raw_pl} (the P/L as logged, in the
 * currency of the session's balances even when the statement converts {@code pl} into another): the equity of each round's
 * session before it (initial balance + the session's capital flows up to the round + the P/L of all the session's
 * earlier rounds, in or out of the scope), the return r = P/L / equity floored at −1, the growth index
 * V = exp(Σ ln(1 + r)) in double precision (0 from a bust on), its falls from its peak, and the daily returns. The
 * result CTE {@code equity_totals} has one row per subject with a return.
 */
final class EquityReturnsSql {

    /**
     * {@code {rounds}}: where each round's session equity comes from. Over whole sessions (a session's summary, a bot over
     * all time) the scope's own rows are the session's rounds; otherwise every round of the sessions the scope touches
     * is read once, so a window that starts mid-session still stands on the session's equity at that point.
     */
    private static final String CTES = """
            , session_equity AS (
                -- the capital events' sum is looked up only for the rows of sessions that have events (a hashed set)
                SELECT r.id, s.initial_balance
                       + CASE WHEN r.session_id IN (SELECT session_id FROM capital_events)
                              THEN coalesce((SELECT sum(CASE WHEN c.kind = 'DEPOSIT' THEN c.amount ELSE -c.amount END)
                                             FROM capital_events c
                                             WHERE c.session_id = r.session_id AND c.occurred_at <= r.ts), 0)
                              ELSE 0 END
                       + sum(r.pl) OVER (PARTITION BY r.session_id ORDER BY r.ts, r.id ROWS UNBOUNDED PRECEDING)
                       - r.pl AS equity_before
                FROM ({rounds}) AS r
                JOIN session_logs s ON s.session_id = r.session_id
            ),
            equity_returns AS (
                SELECT o.k, o.id, o.ts, greatest(o.raw_pl / e.equity_before, -1) AS r
                FROM ordered o JOIN session_equity e ON e.id = o.id
                WHERE e.equity_before > 0
            ),
            equity_growth AS (
                SELECT k, id, ts, r, g > 0 AS alive, CASE WHEN g > 0 THEN ln(g) ELSE 0 END AS log_growth
                FROM (SELECT k, id, ts, r, (1 + r)::float8 AS g FROM equity_returns) AS returns
            ),
            equity_index AS (
                SELECT k, id, ts, r, log_growth, alive,
                       CASE WHEN bool_and(alive) OVER along THEN exp(sum(log_growth) OVER along) ELSE 0 END AS v
                FROM equity_growth
                WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING)
            ),
            equity_falls AS (
                SELECT k, ts, r, log_growth, alive, v, 1 - v / greatest(1, max(v) OVER along) AS fall
                FROM equity_index
                WINDOW along AS (PARTITION BY k ORDER BY ts, id ROWS UNBOUNDED PRECEDING)
            ),
            equity_days AS (
                SELECT k, CASE WHEN bool_and(alive) THEN exp(sum(log_growth)) ELSE 0 END - 1 AS g
                FROM equity_growth
                GROUP BY k, date_trunc('day', ts, 'UTC')
            ),
            equity_daily AS (
                SELECT k, count(*) AS equity_days, sum(g::numeric) AS day_sum_returns,
                       sum((g * g)::numeric) AS day_sum_squares,
                       sum((least(g, 0) * least(g, 0))::numeric) AS day_sum_shortfalls
                FROM equity_days
                GROUP BY k
            ),
            equity_totals AS (
                SELECT k, count(*) AS equity_rounds, sum(r) AS equity_sum_returns, sum(r * r) AS equity_sum_squares,
                       sum(least(r, 0) * least(r, 0)) AS equity_sum_shortfalls,
                       CASE WHEN bool_and(alive) THEN exp(sum(log_growth)) ELSE 0 END AS equity_final_index,
                       max(fall) AS equity_max_fall,
                       1 - CASE WHEN bool_and(alive) THEN exp(sum(log_growth)) ELSE 0 END / greatest(1, max(v))
                           AS equity_current_fall,
                       d.equity_days, d.day_sum_returns, d.day_sum_squares, d.day_sum_shortfalls
                FROM equity_falls JOIN equity_daily d USING (k)
                GROUP BY k, d.equity_days, d.day_sum_returns, d.day_sum_squares, d.day_sum_shortfalls
            )""";

    private static final String WHOLE_SESSIONS = "SELECT session_id, id, ts, raw_pl AS pl FROM ordered";

    private static final String TOUCHED_SESSIONS = """
            SELECT session_id, id, round_start_timestamp AS ts, profit_loss_amount AS pl
            FROM crash_game_rounds
            WHERE session_id IN (SELECT DISTINCT session_id FROM ordered)""";

    private EquityReturnsSql() {
    }

    /**
     * The CTEs with their leading comma, to follow the statement's last CTE; {@code wholeSessions} when the scope
     * only holds whole sessions. Empty without {@code withEquity}: a statement that does not read the equity returns
     * costs what it did before them.
     */
    static String ctes(boolean withEquity, boolean wholeSessions) {
        return withEquity ? SqlTemplate.sql(CTES).with("rounds", wholeSessions ? WHOLE_SESSIONS : TOUCHED_SESSIONS).text()
                : "";
    }

    /** {@link #COLUMNS} with a leading comma, or nothing. */
    static String columns(boolean withEquity) {
        return withEquity ? SqlTemplate.sql(", {columns}").with("columns", COLUMNS).text() : "";
    }

    /** The join of {@code equity_totals} to a statement keyed by {@code k}, or nothing. */
    static String join(boolean withEquity) {
        return withEquity ? "LEFT JOIN equity_totals USING (k)" : "";
    }

    /** The figures of a row joined with {@code equity_totals} (its columns null when the subject had no return). */
    static EquityReturns map(ResultSet rs) throws SQLException {
        long rounds = rs.getLong("equity_rounds");
        if (rounds == 0) {
            return EquityReturns.NONE;
        }
        ReturnRatios perRound = ReturnRatios.fromSums(rounds, RoundTotalsSql.required(rs, "equity_sum_returns"),
                RoundTotalsSql.required(rs, "equity_sum_squares"), RoundTotalsSql.required(rs, "equity_sum_shortfalls"));
        ReturnRatios perDay = ReturnRatios.fromSums(rs.getLong("equity_days"),
                RoundTotalsSql.required(rs, "day_sum_returns"), RoundTotalsSql.required(rs, "day_sum_squares"),
                RoundTotalsSql.required(rs, "day_sum_shortfalls"));
        return EquityReturns.fromSums(perRound, perDay, floating(rs, "equity_final_index"),
                floating(rs, "equity_max_fall"), floating(rs, "equity_current_fall"));
    }

    private static @Nullable BigDecimal floating(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : BigDecimal.valueOf(value);
    }

    /** The select items {@link #map} reads, for a statement joining {@code equity_totals} with {@code USING (k)}. */
    static final String COLUMNS = """
            equity_totals.equity_rounds, equity_totals.equity_sum_returns, equity_totals.equity_sum_squares,
            equity_totals.equity_sum_shortfalls, equity_totals.equity_final_index, equity_totals.equity_max_fall,
            equity_totals.equity_current_fall, equity_totals.equity_days, equity_totals.day_sum_returns,
            equity_totals.day_sum_squares, equity_totals.day_sum_shortfalls""";
}
