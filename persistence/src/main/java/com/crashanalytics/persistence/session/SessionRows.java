package com.crashanalytics.persistence.session;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionStatus;
import com.crashanalytics.domain.session.SessionTotals;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.Parameters;

/** A session as a row of {@code session_logs}: the columns to select and how to read them back. */
public final class SessionRows {

    public static final String COLUMNS = """
            session_id, bot_id, game_name, platform_code, strategy_name, strategy_parameters::text AS strategy_parameters,
            status, start_time, end_time, last_heartbeat_at, notes, initial_balance, final_balance,
            current_balance, peak_balance, max_drawdown, max_drawdown_percent, total_rounds, wins, losses, skips, errors,
            total_staked, total_profit_loss, gross_win, gross_loss, largest_win, largest_loss, last_round_number,
            current_win_streak, current_loss_streak, longest_win_streak, longest_loss_streak,
            content_fingerprint, created_at, updated_at, end_reason
            """;

    /** Stores a session's new state: status, end, heartbeat and running totals. Parameters by {@link #fillUpdate}. */
    public static final String UPDATE = """
            UPDATE session_logs SET
                status = ?, end_time = ?, last_heartbeat_at = ?, notes = ?, final_balance = ?,
                current_balance = ?, peak_balance = ?, max_drawdown = ?, max_drawdown_percent = ?,
                total_rounds = ?, wins = ?, losses = ?, skips = ?, errors = ?, win_rate = ?,
                total_staked = ?, total_profit_loss = ?, gross_win = ?, gross_loss = ?, roi_percent = ?,
                largest_win = ?, largest_loss = ?, average_win = ?, average_loss = ?, last_round_number = ?,
                current_win_streak = ?, current_loss_streak = ?, longest_win_streak = ?, longest_loss_streak = ?,
                updated_at = ?, end_reason = ?
            WHERE session_id = ?
            """;

    private SessionRows() {
    }

    /** The parameters of {@link #UPDATE} for one session. */
    public static void fillUpdate(Parameters parameters, Session session) throws SQLException {
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
                .text(session.endReason())
                .text(session.sessionId());
    }

    public static Session map(ResultSet rs, int row) throws SQLException {
        SessionTotals totals = new SessionTotals(
                decimal(rs, "initial_balance"),
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
                instant(rs, "updated_at"),
                rs.getString("end_reason"));
    }
}
