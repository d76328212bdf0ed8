package com.crashanalytics.benchmarks.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The dashboard query's answer written by hand: one SQL statement that builds the very JSON document the gateway
 * answers ({@code {"data": {"bots": ...}}}) for {@code Documents.DASHBOARD}, in the same orders (bots by registration,
 * sessions by start, rounds by number, signals by time) with the same page sizes and every totalCount. The minimum a
 * client could ask of PostgreSQL for it: one round trip, no transaction around it.
 */
public final class DashboardSql {

    private static final String SQL = """
            SELECT json_build_object('data', json_build_object('bots', json_build_object(
                'totalCount', (SELECT count(*) FROM bot_vm_registration WHERE bot_id = ANY(?)),
                'edges', coalesce(json_agg(json_build_object('node', json_build_object(
                    'botId', b.bot_id,
                    'strategyName', b.strategy_name,
                    'sessions', json_build_object(
                        'totalCount', (SELECT count(*) FROM session_logs WHERE bot_id = b.bot_id),
                        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                            'sessionId', s.session_id,
                            'status', s.status,
                            'totals', json_build_object('totalRounds', s.total_rounds,
                                                        'totalProfitLoss', s.total_profit_loss),
                            'rounds', json_build_object(
                                'totalCount', (SELECT count(*) FROM crash_game_rounds
                                               WHERE bot_id = s.bot_id AND session_id = s.session_id),
                                'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
                                    'roundNumber', r.round_number,
                                    'roundOutcome', r.round_outcome,
                                    'stakeValue', r.stake_value,
                                    'crashMultiplier', r.crash_multiplier_detected,
                                    'profitLoss', r.profit_loss_amount,
                                    'outcome', CASE WHEN o.id IS NULL THEN NULL
                                                    ELSE json_build_object('outcomeCategory', upper(o.outcome_category)) END,
                                    'signals', (SELECT coalesce(json_agg(json_build_object(
                                                    'signalType', g.signal_type,
                                                    'signalCorrectness', g.signal_correctness)
                                                    ORDER BY g."timestamp", g.id), '[]'::json)
                                                FROM analytics_round_signals g
                                                WHERE g.bot_id = r.bot_id AND g.session_id = r.session_id
                                                  AND g.round_number = r.round_number)))
                                    ORDER BY r.round_number), '[]'::json)
                                    FROM (SELECT * FROM crash_game_rounds
                                          WHERE bot_id = s.bot_id AND session_id = s.session_id
                                          ORDER BY round_number LIMIT ?) AS r
                                    LEFT JOIN analytics_round_outcomes o ON o.round_id = r.id))))
                            ORDER BY s.start_time, s.id), '[]'::json)
                            FROM (SELECT * FROM session_logs WHERE bot_id = b.bot_id
                                  ORDER BY start_time, id LIMIT ?) AS s))))
                    ORDER BY b.created_at, b.id), '[]'::json))))::text
            FROM (SELECT * FROM bot_vm_registration WHERE bot_id = ANY(?) ORDER BY created_at, id LIMIT ?) AS b
            """;

    private final Connection connection;
    private final PreparedStatement statement;

    public DashboardSql(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        this.statement = connection.prepareStatement(SQL);
    }

    /** The document for these bots, at this fan-out. */
    public String answer(List<String> botIds, int bots, int sessions, int rounds) throws SQLException {
        Array ids = connection.createArrayOf("text", botIds.toArray());
        statement.setArray(1, ids);
        statement.setInt(2, rounds);
        statement.setInt(3, sessions);
        statement.setArray(4, ids);
        statement.setInt(5, bots);
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
