package com.crashanalytics.persistence.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.live.EventJournal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live events in {@code live_events}, with a {@code pg_notify} on the channel {@value #CHANNEL} in the writing
 * transaction, which PostgreSQL delivers to listeners only when (and if) that transaction commits.
 */
public class JdbcEventJournal implements EventJournal {

    /** The LISTEN/NOTIFY channel that wakes the readers of every replica. */
    public static final String CHANNEL = "live_events";

    /**
     * One statement: the insert and the notification in a single round trip. The transaction id is taken (and so
     * assigned) before the identity value, so no reader can see a transaction without an id holding a smaller one.
     */
    private static final String APPEND = """
            WITH writer AS MATERIALIZED (SELECT pg_current_xact_id() AS xid),
                 appended AS (INSERT INTO live_events (writer_xid, kind, payload)
                              SELECT xid, :kind, CAST(:payload AS jsonb) FROM writer RETURNING id)
            SELECT pg_notify('live_events', id::text) FROM appended
            """;

    /**
     * Identity values are taken at insert, not at commit: a transaction that started earlier may still commit a
     * smaller id than one already visible. Only events written by transactions older than the oldest one still
     * running (the snapshot's xmin) are final, so the reader stops before the first event that is not.
     */
    private static final String READ_AFTER = """
            SELECT id, kind, payload::text AS payload, recorded_at FROM live_events
            WHERE id > :after AND writer_xid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY id LIMIT :limit
            """;

    private final JdbcClient jdbc;

    public JdbcEventJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(String kind, String payloadJson) {
        jdbc.sql(APPEND).param("kind", kind).param("payload", payloadJson).query().singleValue();
    }

    @Override
    public List<JournalEntry> readAfter(long afterId, int limit) {
        return jdbc.sql(READ_AFTER).param("after", afterId).param("limit", limit)
                .query((rs, row) -> new JournalEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("payload"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM live_events WHERE recorded_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
