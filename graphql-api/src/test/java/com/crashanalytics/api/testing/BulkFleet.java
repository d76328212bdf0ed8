package com.crashanalytics.api.testing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A realistic volume written straight into the tables (the API would take minutes for it): {@code bots} bots
 * registered an hour apart, each with {@code sessions} sessions of aviator or jetx on dafabet started an hour apart
 * (the last one ACTIVE), each with {@code rounds} rounds ten seconds apart (WIN, LOSS, SKIP in turn; every 500th
 * round flagged), with their analytics row and one signal each; an error and an OCR read every tenth round.
 * Statistics are refreshed afterwards, as autovacuum would.
 */
public final class BulkFleet {

    private BulkFleet() {
    }

    public static void write(JdbcTemplate jdbc, int bots, int sessions, int rounds) {
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(status ->
                writeRows(jdbc, bots, sessions, rounds));
        jdbc.execute("ANALYZE");
    }

    private static void writeRows(JdbcTemplate jdbc, int bots, int sessions, int rounds) {
        jdbc.update("""
                INSERT INTO game_platform_config (game_name, platform_code, house_edge_percent)
                VALUES ('aviator', 'dafabet', 3), ('jetx', 'dafabet', 3)
                """);
        jdbc.update("""
                INSERT INTO bot_vm_registration (bot_id, strategy_name, initial_balance, created_at, updated_at)
                SELECT 'bulk-' || lpad(b::text, 4, '0'), CASE WHEN b % 2 = 0 THEN 'martingale' ELSE 'compound_1.33x' END,
                       1000, t, t
                FROM generate_series(1, ?) AS b, LATERAL (SELECT timestamptz '2026-01-01' + b * interval '1 hour' AS t) AS x
                """, bots);
        jdbc.update("""
                INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, strategy_name, status,
                                          start_time, end_time, initial_balance, current_balance, peak_balance,
                                          content_fingerprint)
                SELECT b.bot_id || '-s' || lpad(s::text, 4, '0'), b.bot_id,
                       CASE WHEN s % 4 = 0 THEN 'jetx' ELSE 'aviator' END, 'dafabet', b.strategy_name,
                       CASE WHEN s = ? THEN 'ACTIVE' ELSE 'COMPLETED' END,
                       b.created_at + s * interval '1 hour',
                       CASE WHEN s = ? THEN NULL ELSE b.created_at + s * interval '1 hour' + interval '50 minutes' END,
                       1000, 1000, 1000, 'bulk'
                FROM bot_vm_registration b, generate_series(1, ?) AS s
                """, sessions, sessions, sessions);
        // The rollup triggers look the new rounds up per bot and session. Planned from the statistics of the table as
        // a test emptied it (autovacuum may analyse it right then: 0 rows), those lookups become a scan of the whole
        // table per key, quadratic in the 100,000 rounds written here (it once took over 20 minutes). A table in use
        // has statistics, and the indexes are what the triggers are written for.
        jdbc.execute("SET LOCAL enable_seqscan = off");
        jdbc.update("""
                INSERT INTO crash_game_rounds (bot_id, session_id, game_name, platform_code, round_number,
                                               round_start_timestamp, stake_value, strategy_name,
                                               crash_multiplier_detected, cashout_multiplier, profit_loss_amount,
                                               round_outcome, data_quality_flags, content_fingerprint)
                SELECT s.bot_id, s.session_id, s.game_name, s.platform_code, n, s.start_time + n * interval '10 seconds',
                       CASE WHEN n % 3 = 0 THEN 0 ELSE 10 END, s.strategy_name,
                       CASE n % 3 WHEN 1 THEN 2.5 WHEN 2 THEN 1.5 ELSE 3 END,
                       CASE WHEN n % 3 = 1 THEN 2 END,
                       CASE n % 3 WHEN 1 THEN 10 WHEN 2 THEN -10 ELSE 0 END,
                       CASE n % 3 WHEN 1 THEN 'WIN' WHEN 2 THEN 'LOSS' ELSE 'SKIP' END,
                       CASE WHEN n % 500 = 0 THEN '{BALANCE_MISMATCH}'::text[] ELSE '{}'::text[] END, 'bulk'
                FROM session_logs s, generate_series(1, ?) AS n
                """, rounds);
        jdbc.execute("RESET enable_seqscan");
        // What follows reads the new rounds: planned from their real numbers (ANALYZE counts this transaction's rows).
        jdbc.execute("ANALYZE crash_game_rounds");
        jdbc.update("""
                INSERT INTO analytics_round_outcomes (round_id, round_number, bot_id, session_id, game_name, platform_code,
                                                      strategy_name, outcome, stake_value, profit_loss, balance_after,
                                                      outcome_category, "timestamp", date_bucket, hour_bucket)
                SELECT id, round_number, bot_id, session_id, game_name, platform_code, strategy_name, round_outcome,
                       stake_value, profit_loss_amount, 1000,
                       CASE round_outcome WHEN 'WIN' THEN 'big_win' WHEN 'LOSS' THEN 'small_loss' ELSE 'break_even' END,
                       round_start_timestamp, (round_start_timestamp AT TIME ZONE 'UTC')::date,
                       date_trunc('hour', round_start_timestamp)
                FROM crash_game_rounds
                """);
        jdbc.update("""
                INSERT INTO analytics_round_signals (round_id, round_start_timestamp, round_number, bot_id, session_id,
                                                     game_name, platform_code, signal_type, "timestamp", confidence_score,
                                                     predicted_multiplier, content_fingerprint)
                SELECT id, round_start_timestamp, round_number, bot_id, session_id, game_name, platform_code, 'pre_flight',
                       round_start_timestamp, 0.7, 2, 'bulk'
                FROM crash_game_rounds
                """);
        jdbc.update("""
                INSERT INTO error_logs (bot_id, session_id, round_id, round_number, error_type, severity, "timestamp",
                                        content_fingerprint)
                SELECT bot_id, session_id, id, round_number, CASE WHEN round_number % 20 = 0 THEN 'ocr_error' ELSE 'lag' END,
                       'WARNING', round_start_timestamp + interval '1 second', 'bulk'
                FROM crash_game_rounds WHERE round_number % 10 = 0
                """);
        jdbc.update("""
                INSERT INTO ocr_validation_logs (bot_id, session_id, round_id, round_number, raw_ocr_text, validation_status,
                                                 "timestamp", content_fingerprint)
                SELECT bot_id, session_id, id, round_number, '2.50x', 'VALID', round_start_timestamp + interval '2 seconds',
                       'bulk'
                FROM crash_game_rounds WHERE round_number % 10 = 0
                """);
    }
}
