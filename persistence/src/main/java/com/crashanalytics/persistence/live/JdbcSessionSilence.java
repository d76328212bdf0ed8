package com.crashanalytics.persistence.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionSilence;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.session.SessionRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stale-session watch's view of {@code session_logs} and its watermark in {@code live_feed_state}. */
public class JdbcSessionSilence implements SessionSilence {

    /** When the gateway last heard from a session: its last heartbeat or its last change, whichever is later. */
    private static final String LAST_SEEN = "greatest(coalesce(last_heartbeat_at, updated_at), updated_at)";

    private static final String ACTIVE_LAST_SEEN_BETWEEN = SqlTemplate.sql("""
            SELECT {columns} FROM session_logs WHERE status = 'ACTIVE' AND
            {lastSeen} > :after AND {lastSeen} <= :upTo ORDER BY {lastSeen}, session_id""")
            .with("columns", SessionRows.COLUMNS).with("lastSeen", LAST_SEEN).text();

    private final JdbcClient jdbc;

    public JdbcSessionSilence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Instant sweptThrough() {
        return jdbc.sql("SELECT stale_sessions_swept_through FROM live_feed_state FOR UPDATE")
                .query(Timestamp.class).single().toInstant();
    }

    @Override
    public void sweptThrough(Instant at) {
        jdbc.sql("UPDATE live_feed_state SET stale_sessions_swept_through = :at").param("at", Timestamp.from(at)).update();
    }

    @Override
    public List<Session> activeLastSeenBetween(Instant after, Instant upTo) {
        return jdbc.sql(ACTIVE_LAST_SEEN_BETWEEN)
                .param("after", Timestamp.from(after)).param("upTo", Timestamp.from(upTo))
                .query(SessionRows::map).list();
    }
}
