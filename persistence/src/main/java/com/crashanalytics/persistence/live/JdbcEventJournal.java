package com.crashanalytics.persistence.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The live events in {@code live_events}. Writers append with a {@code pg_notify} on {@value #CHANNEL}, which
 * PostgreSQL delivers only when (and if) the writing transaction commits. Committed events are then numbered
 * ({@code position}) by one numbering transaction at a time, in the order they became visible, and announced on
 * {@value #NUMBERED_CHANNEL}: readers page by that number, so nothing can ever appear behind one.
 */
public class JdbcEventJournal implements EventJournal {

    /** Wakes the numbering: events were committed. */
    public static final String CHANNEL = "live_events";
    /** Wakes the readers of every replica: events were numbered. */
    public static final String NUMBERED_CHANNEL = "live_events_numbered";
    private static final String NOTIFY_NUMBERED = SqlTemplate.sql("SELECT pg_notify('{channel}', '')")
            .with("channel", NUMBERED_CHANNEL).text();

    /** Any constant works; it names the numbering among PostgreSQL's advisory locks. */
    private static final long NUMBERING_LOCK = 0x11_7e_e7e17L;

    /** One statement for all of a transaction's events, in the order given, and the wake-up: one round trip. */
    private static final String APPEND = """
            WITH appended AS (INSERT INTO live_events (kind, payload)
                              SELECT event.kind, CAST(event.payload AS jsonb)
                              FROM unnest(CAST(:kinds AS text[]), CAST(:payloads AS text[]))
                                   WITH ORDINALITY AS event(kind, payload, place)
                              ORDER BY event.place
                              RETURNING id)
            SELECT pg_notify('live_events', '') FROM (SELECT count(*) FROM appended) AS done
            """;

    /**
     * Numbers the committed events that have no number yet, in id order, after the last number given (or
     * forgotten). Runs only under the numbering lock, so numbers are given by one transaction at a time and a
     * reader who sees a number sees every smaller one.
     */
    private static final String NUMBER = """
            WITH last AS (SELECT greatest(coalesce((SELECT max(position) FROM live_events), 0),
                                          (SELECT forgotten_through FROM live_feed_state)) AS position),
                 unnumbered AS (SELECT id, row_number() OVER (ORDER BY id) AS place
                                FROM (SELECT id FROM live_events WHERE position IS NULL ORDER BY id LIMIT :limit) AS batch),
                 numbered AS (UPDATE live_events e SET position = last.position + unnumbered.place
                              FROM unnumbered, last WHERE e.id = unnumbered.id RETURNING e.id)
            SELECT count(*) FROM numbered
            """;

    private static final String READ_AFTER = """
            SELECT position, kind, payload::text AS payload, recorded_at FROM live_events
            WHERE position > :after ORDER BY position LIMIT :limit
            """;

    private static final String FORGET = """
            WITH forgotten AS (DELETE FROM live_events WHERE recorded_at < :cutoff AND position IS NOT NULL
                               RETURNING position),
                 moved AS (UPDATE live_feed_state
                           SET forgotten_through = greatest(forgotten_through, (SELECT max(position) FROM forgotten))
                           WHERE EXISTS (SELECT 1 FROM forgotten))
            SELECT count(*) FROM forgotten
            """;

    /** Events numbered per numbering transaction at most: bounds its length under a burst. */
    private static final int NUMBERING_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    public JdbcEventJournal(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.sql(APPEND)
                .param("kinds", events.stream().map(NewEvent::kind).toArray(String[]::new))
                .param("payloads", events.stream().map(NewEvent::payloadJson).toArray(String[]::new))
                .query().singleValue();
    }

    @Override
    public int numberCommitted() {
        Integer numbered = transactions.execute(status -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", NUMBERING_LOCK)
                    .query(Boolean.class).single();
            if (!mine) {
                return 0;
            }
            int count = jdbc.sql(NUMBER).param("limit", NUMBERING_BATCH).query(Integer.class).single();
            if (count > 0) {
                jdbc.sql(NOTIFY_NUMBERED).query().singleValue();
            }
            return count;
        });
        return numbered == null ? 0 : numbered;
    }

    @Override
    public List<JournalEntry> readAfter(long afterId, int limit) {
        return jdbc.sql(READ_AFTER).param("after", afterId).param("limit", limit)
                .query((rs, row) -> new JournalEntry(rs.getLong("position"), rs.getString("kind"),
                        rs.getString("payload"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    @Override
    public long headId() {
        return jdbc.sql("""
                SELECT greatest(coalesce((SELECT max(position) FROM live_events), 0),
                                (SELECT forgotten_through FROM live_feed_state))""").query(Long.class).single();
    }

    @Override
    public long forgottenThrough() {
        return jdbc.sql("SELECT forgotten_through FROM live_feed_state").query(Long.class).single();
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql(FORGET).param("cutoff", Timestamp.from(cutoff)).query(Integer.class).single();
    }
}
