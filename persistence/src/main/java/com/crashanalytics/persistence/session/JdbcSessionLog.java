package com.crashanalytics.persistence.session;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionLog;
import com.crashanalytics.domain.session.SessionStatus;
import com.crashanalytics.domain.session.SessionTotals;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.Batches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions in {@code session_logs}, with the running totals the gateway maintains. */
public class JdbcSessionLog implements SessionLog {

    private static final String COLUMNS = """
            session_id, bot_id, game_name, platform_code, strategy_name, strategy_parameters::text AS strategy_parameters,
            status, start_time, end_time, last_heartbeat_at, notes, initial_balance, final_balance,
            current_balance, peak_balance, max_drawdown, max_drawdown_percent, total_rounds, wins, losses, skips, errors,
            total_staked, total_profit_loss, gross_win, gross_loss, largest_win, largest_loss, last_round_number,
            current_win_streak, current_loss_streak, longest_win_streak, longest_loss_streak,
            content_fingerprint, created_at, updated_at
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public JdbcSessionLog(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM session_logs WHERE session_id = :sessionId")
                .param("sessionId", sessionId)
                .query(JdbcSessionLog::mapSession)
                .optional();
    }

    @Override
    public List<Session> lockAll(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM session_logs WHERE session_id = ANY(:ids) ORDER BY session_id FOR UPDATE")
                .param("ids", sessionIds.toArray(String[]::new))
                .query(JdbcSessionLog::mapSession)
                .list();
    }

    @Override
    public boolean insertIfAbsent(Session session) {
        SessionTotals totals = session.totals();
        return jdbc.sql("""
                        INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, strategy_name,
                            strategy_parameters, status, start_time, initial_balance, current_balance, peak_balance,
                            content_fingerprint, created_at, updated_at)
                        VALUES (:sessionId, :botId, :gameName, :platformCode, :strategyName,
                            CAST(:strategyParameters AS jsonb), :status, :startTime, :initialBalance, :currentBalance,
                            :peakBalance, :fingerprint, :createdAt, :updatedAt)
                        ON CONFLICT (session_id) DO NOTHING
                        """)
                .param("sessionId", session.sessionId())
                .param("botId", session.botId())
                .param("gameName", session.gameName())
                .param("platformCode", session.platformCode())
                .param("strategyName", session.strategyName())
                .param("strategyParameters", JsonColumns.text(session.strategyParameters()))
                .param("status", session.status().name())
                .param("startTime", timestamptz(session.startTime()))
                .param("initialBalance", session.initialBalance())
                .param("currentBalance", totals.currentBalance())
                .param("peakBalance", totals.peakBalance())
                .param("fingerprint", session.contentFingerprint())
                .param("createdAt", timestamptz(session.createdAt()))
                .param("updatedAt", timestamptz(session.updatedAt()))
                .update() == 1;
    }

    @Override
    public void updateAll(Collection<Session> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        List<Session> rows = new ArrayList<>(sessions);
        Batches.run(batches, """
                UPDATE session_logs SET
                    status = ?, end_time = ?, last_heartbeat_at = ?, notes = ?, final_balance = ?,
                    current_balance = ?, peak_balance = ?, max_drawdown = ?, max_drawdown_percent = ?,
                    total_rounds = ?, wins = ?, losses = ?, skips = ?, errors = ?, win_rate = ?,
                    total_staked = ?, total_profit_loss = ?, gross_win = ?, gross_loss = ?, roi_percent = ?,
                    largest_win = ?, largest_loss = ?, average_win = ?, average_loss = ?, last_round_number = ?,
                    current_win_streak = ?, current_loss_streak = ?, longest_win_streak = ?, longest_loss_streak = ?,
                    updated_at = ?
                WHERE session_id = ?
                """, rows, (parameters, session) -> {
                SessionTotals totals = session.totals();
                parameters
                        .text(session.status().name())
                        .time(session.endTime())
                        .time(session.lastHeartbeatAt())
                        .text(session.notes())
                        .decimal(session.finalBalance())
                        .decimal(totals.currentBalance())
                        .decimal(totals.peakBalance())
                        .decimal(totals.maxDrawdown())
                        .decimal(totals.maxDrawdownPercent())
                        .integer(totals.totalRounds())
                        .integer(totals.wins())
                        .integer(totals.losses())
                        .integer(totals.skips())
                        .integer(totals.errors())
                        .decimal(totals.winRate())
                        .decimal(totals.totalStaked())
                        .decimal(totals.totalProfitLoss())
                        .decimal(totals.grossWin())
                        .decimal(totals.grossLoss())
                        .decimal(totals.roiPercent())
                        .decimal(totals.largestWin())
                        .decimal(totals.largestLoss())
                        .decimal(totals.averageWin())
                        .decimal(totals.averageLoss())
                        .integer(totals.lastRoundNumber())
                        .integer(totals.currentWinStreak())
                        .integer(totals.currentLossStreak())
                        .integer(totals.longestWinStreak())
                        .integer(totals.longestLossStreak())
                        .time(session.updatedAt())
                        .text(session.sessionId());
        });
    }

    static Session mapSession(ResultSet rs, int row) throws SQLException {
        SessionTotals totals = new SessionTotals(
                decimal(rs, "current_balance"),
                decimal(rs, "peak_balance"),
                decimal(rs, "max_drawdown"),
                decimal(rs, "max_drawdown_percent"),
                rs.getInt("total_rounds"),
                rs.getInt("wins"),
                rs.getInt("losses"),
                rs.getInt("skips"),
                rs.getInt("errors"),
                decimal(rs, "total_staked"),
                decimal(rs, "total_profit_loss"),
                decimal(rs, "gross_win"),
                decimal(rs, "gross_loss"),
                decimal(rs, "largest_win"),
                decimal(rs, "largest_loss"),
                rs.getObject("last_round_number", Integer.class),
                rs.getInt("current_win_streak"),
                rs.getInt("current_loss_streak"),
                rs.getInt("longest_win_streak"),
                rs.getInt("longest_loss_streak"));
        String fingerprint = rs.getString("content_fingerprint");
        return new Session(
                rs.getString("session_id"),
                rs.getString("bot_id"),
                rs.getString("game_name"),
                rs.getString("platform_code"),
                rs.getString("strategy_name"),
                JsonColumns.document(rs, "strategy_parameters"),
                SessionStatus.valueOf(rs.getString("status")),
                instant(rs, "start_time"),
                instant(rs, "end_time"),
                instant(rs, "last_heartbeat_at"),
                rs.getString("notes"),
                decimal(rs, "initial_balance"),
                decimal(rs, "final_balance"),
                totals,
                fingerprint == null ? "" : fingerprint,
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
