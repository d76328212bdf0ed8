package com.crashanalytics.persistence.session;

import static com.crashanalytics.persistence.common.SqlValues.instant;
import static com.crashanalytics.persistence.common.SqlValues.timestamptz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.domain.session.CapitalEvent;
import com.crashanalytics.domain.session.CapitalEventKind;
import com.crashanalytics.domain.session.CapitalEventLog;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code capital_events}: one row per reported deposit or withdrawal, unique per (bot, client event id). */
public class JdbcCapitalEventLog implements CapitalEventLog {

    private static final String COLUMNS =
            "id, bot_id, session_id, client_event_id, kind, amount, occurred_at, note, content_fingerprint";

    private final JdbcClient jdbc;
    private final Authorship authorship;

    public JdbcCapitalEventLog(JdbcClient jdbc, Authorship authorship) {
        this.jdbc = jdbc;
        this.authorship = authorship;
    }

    @Override
    public boolean insertIfAbsent(CapitalEvent event) {
        return jdbc.sql(SqlTemplate.sql("""
                        INSERT INTO capital_events ({columns}
                        , written_by_key_id) VALUES (:id, :botId, :sessionId, :clientEventId, :kind, :amount, :occurredAt,
                            :note, :fingerprint, CAST(:writtenBy AS uuid))
                        ON CONFLICT (bot_id, client_event_id) DO NOTHING
                        """).with("columns", COLUMNS).text())
                .param("id", event.id())
                .param("botId", event.botId())
                .param("sessionId", event.sessionId())
                .param("clientEventId", event.clientEventId())
                .param("kind", event.kind().name())
                .param("amount", event.amount())
                .param("occurredAt", timestamptz(event.occurredAt()))
                .param("note", event.note())
                .param("fingerprint", event.contentFingerprint())
                .param("writtenBy", authorship.currentKeyId().orElse(null))
                .update() == 1;
    }

    @Override
    public Optional<CapitalEvent> find(String botId, String clientEventId) {
        return jdbc.sql(SqlTemplate.sql("""
                        SELECT {columns} FROM capital_events WHERE bot_id = :botId AND client_event_id = :clientEventId""")
                        .with("columns", COLUMNS).text())
                .param("botId", botId)
                .param("clientEventId", clientEventId)
                .query(JdbcCapitalEventLog::map)
                .optional();
    }

    private static CapitalEvent map(ResultSet rs, int row) throws SQLException {
        return new CapitalEvent(rs.getObject("id", UUID.class), rs.getString("bot_id"), rs.getString("session_id"),
                rs.getString("client_event_id"), CapitalEventKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("amount"), instant(rs, "occurred_at"), rs.getString("note"),
                rs.getString("content_fingerprint"));
    }
}
