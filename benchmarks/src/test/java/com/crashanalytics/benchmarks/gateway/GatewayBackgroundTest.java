package com.crashanalytics.benchmarks.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statement texts as pg_stat_statements showed them in a dashboard count (2026-12-05), constants as $n. */
class GatewayBackgroundTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "WITH last AS (SELECT greatest(coalesce((SELECT max(position) FROM live_events), 0), (SELECT forgotten",
            "SELECT pg_try_advisory_xact_lock($1)",
            "SELECT position, kind, payload::text AS payload, recorded_at FROM live_events WHERE position > $1",
            "SELECT stale_sessions_swept_through FROM live_feed_state FOR UPDATE",
            "UPDATE live_feed_state SET stale_sessions_swept_through = $1",
            "SELECT pg_try_advisory_xact_lock($1, hashtext($2))",
            "WITH due AS ( SELECT id FROM alert_deliveries WHERE status = $3 AND next_attempt_at <= $1 ORDER BY n",
            "SELECT r.id, r.name, r.kind, r.bot_ids, r.strategy_names, r.game_names, r.platform_codes, r.amount, "
                    + "r.percent, r.count FROM alert_rules r WHERE r.enabled",
            "SELECT p.id FROM game_predictions p WHERE p.id = ANY(ARRAY(SELECT id FROM game_predictions\n"
                    + "WHERE status = $1 AND expires_at < $2 ORDER BY expires_at, id LIMIT $3 FOR UPDATE SKIP LOCKED))",
            "SELECT bot_id, last_round_at, last_heartbeat_at\nFROM (SELECT b.bot_id, b.last_heartbeat_at,",
            "SELECT status, count(*) AS sessions FROM session_logs GROUP BY status",
            "SELECT rollup, subject, hour, session_id FROM ( (SELECT $1 AS rollup, bot_id AS subject, hour, "
                    + "CAST(NULL AS text) AS session_id, hour + interval $2 AS settled_at FROM equity_segments_hourly "
                    + "WHERE dirty AND hour + interval $3 <= $4",
            "SELECT recount_strategy_equity_segments(ARRAY[CAST($1 AS text)], ARRAY[CAST($2 AS timestamptz)])",
            "SELECT session_id, bot_id FROM session_logs WHERE status = $1 AND\\n"
                    + "greatest(coalesce(last_heartbeat_at, updated_at), updated_at) > $2 AND "
                    + "greatest(coalesce(last_heartbeat_at, updated_at), updated_at) <= $3"})
    void theGatewaysScheduledStatementsAreBackground(String statement) {
        assertThat(GatewayBackground.runs(statement.replace("\\n", "\n"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT page.* FROM unnest(CAST($1 AS text[])) WITH ORDINALITY AS parent(parent_key, parent_position)",
            "SELECT id, round_id, round_number, bot_id, session_id, game_name, platform_code, signal_type, client",
            "SELECT r.session_id AS parent_id, count(*) AS row_count FROM crash_game_rounds r WHERE r.session_id",
            "INSERT INTO rate_limit_token_buckets AS bucket (id, tokens, refilled_at, granted) VALUES ($1, $2 - 1",
            "SELECT id, label, role, key_prefix, bot_ids, created_at, last_used_at, revoked_at, key_hash FROM api",
            "SELECT count(*) FROM bot_vm_registration b WHERE b.bot_id = ANY(CAST($1 AS text[]))",
            "SELECT json_build_object($6, json_build_object($7, json_build_object( $8, (SELECT count(*) FROM bot_",
            "BEGIN READ ONLY"})
    void whatADashboardQuerySendsIsCounted(String statement) {
        assertThat(GatewayBackground.runs(statement)).isFalse();
    }
}
