package com.crashanalytics.persistence.session;

import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.Types;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionLog;
import com.crashanalytics.domain.session.SessionTotals;
import com.crashanalytics.persistence.common.JsonColumns;
import com.crashanalytics.persistence.common.Batches;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions in {@code session_logs}, with the running totals the gateway maintains. */
public class JdbcSessionLog implements SessionLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Authorship authorship;

    public JdbcSessionLog(JdbcClient jdbc, JdbcTemplate batches, Authorship authorship) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.authorship = authorship;
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return jdbc.sql(SqlTemplate.sql("SELECT {columns} FROM session_logs WHERE session_id = :sessionId")
                        .with("columns", SessionRows.COLUMNS).text())
                .param("sessionId", sessionId)
                .query(SessionRows::map)
                .optional();
    }

    @Override
    public List<Session> lockAll(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns} FROM session_logs WHERE session_id = ANY(:ids) ORDER BY session_id FOR UPDATE""")
                        .with("columns", SessionRows.COLUMNS).text())
                .param("ids", sessionIds.toArray(String[]::new))
                .query(SessionRows::map)
                .list();
    }

    @Override
    public List<Session> lockSilentSessions(Instant silentBefore, int limit) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns} FROM session_logs
                        WHERE status = 'ACTIVE' AND greatest(updated_at, last_heartbeat_at) < :silentBefore
                        ORDER BY session_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                        .with("columns", SessionRows.COLUMNS).text())
                .param("silentBefore", timestamptz(silentBefore))
                .param("limit", limit)
                .query(SessionRows::map)
                .list();
    }

    @Override
    public boolean insertIfAbsent(Session session) {
        SessionTotals totals = session.totals();
        return jdbc.sql("""
                        INSERT INTO session_logs (session_id, bot_id, game_name, platform_code, strategy_name,
                            strategy_parameters, status, start_time, initial_balance, current_balance, peak_balance,
                            max_drawdown_percent, content_fingerprint, created_at, updated_at, written_by_key_id)
                        VALUES (:sessionId, :botId, :gameName, :platformCode, :strategyName,
                            CAST(:strategyParameters AS jsonb), :status, :startTime, :initialBalance, :currentBalance,
                            :peakBalance, :maxDrawdownPercent, :fingerprint, :createdAt, :updatedAt,
                            CAST(:writtenBy AS uuid))
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
                .param("maxDrawdownPercent", totals.maxDrawdownPercent(), Types.NUMERIC)
                .param("fingerprint", session.contentFingerprint())
                .param("createdAt", timestamptz(session.createdAt()))
                .param("updatedAt", timestamptz(session.updatedAt()))
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .update() == 1;
    }

    @Override
    public void updateAll(Collection<Session> sessions) {
        Batches.run(batches, SessionRows.UPDATE, new ArrayList<>(sessions), SessionRows::fillUpdate);
    }
}
