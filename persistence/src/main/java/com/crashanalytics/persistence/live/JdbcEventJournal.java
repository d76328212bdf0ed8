package com.crashanalytics.persistence.live;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.live.EventJournal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live events in {@code live_events}. Writers append with a {@code pg_notify} on {@value #CHANNEL}, which
 * PostgreSQL delivers only when (and if) the writing transaction commits. Committed events are then numbered
 * ({@code position}) by one numbering transaction at a time, in the order they became visible, and announced on
 * {@value #NUMBERED_CHANNEL}: readers page by that number, so nothing can ever appear behind one.
 *
 * <p>An append of several events (a batch of rounds) is one row, a {@value #BUNDLE} (changeset 0460): its
 * {@code bundle} is the JSON array of the events, its {@code events} column their count, and numbering gives it the
 * position of its last event. Readers get the events one by one, as from rows of one event each. A row per event cost
 * a batch of 500 rounds 1,000 inserts and, at numbering, 1,000 updates.
 */
public class JdbcEventJournal implements EventJournal {

    /** Wakes the numbering: events were committed. */
    public static final String CHANNEL = "live_events";
    /** Wakes the readers of every replica: events were numbered (named in number_live_events too: 0490, 0500). */
    public static final String NUMBERED_CHANNEL = "live_events_numbered";
    /** Any constant works; it names the numbering among PostgreSQL's advisory locks. */
    private static final long NUMBERING_LOCK = 0x11_7e_e7e17L;

    /** The kind of a row holding several events (their JSON array in {@code bundle}, no payload). */
    static final String BUNDLE = "BUNDLE";

    /** One row for all of an append's events (a payload, or a bundle of several), and the wake-up: one round trip. */
    private static final String APPEND = """
            WITH appended AS (INSERT INTO live_events (kind, payload, bundle, events)
                              VALUES (:kind, CAST(:payload AS jsonb), CAST(:bundle AS json), :events) RETURNING id)
            SELECT pg_notify('live_events', '') FROM appended
            """;

    /**
     * Numbers the committed rows that have no number yet, in id order, after the last number given (or forgotten),
     * each row taking the number of its last event, and wakes every replica's reader when it numbered any; returns
     * how many and where the journal ends. Changeset 0490's function does it in one round trip, under the numbering
     * lock, so numbers are given by one transaction at a time and a reader who sees a number sees every smaller one.
     */
    private static final String NUMBER = "SELECT numbered, head FROM number_live_events(:lock, :most, :mark)";

    /**
     * The events after a position: the rows holding them (at most {@code limit}; a row holds one event or more), their
     * bundles opened, the events up to the position left out.
     */
    private static final String READ_AFTER = """
            SELECT e.position - e.events + entry.place AS position,
                   coalesce(entry.element ->> 'kind', e.kind) AS kind,
                   coalesce((entry.element -> 'payload')::text, e.payload::text) AS payload, e.recorded_at
            FROM (SELECT position, events, kind, payload, bundle, recorded_at FROM live_events
                  WHERE position > :after ORDER BY position LIMIT :limit) AS e
            CROSS JOIN LATERAL json_array_elements(coalesce(e.bundle, '[null]')) WITH ORDINALITY AS entry(element, place)
            WHERE e.position - e.events + entry.place > :after
            ORDER BY 1 LIMIT :limit
            """;

    private static final String FORGET = """
            WITH forgotten AS (DELETE FROM live_events WHERE recorded_at < :cutoff AND position IS NOT NULL
                               RETURNING position, events),
                 moved AS (UPDATE live_feed_state
                           SET forgotten_through = greatest(forgotten_through, (SELECT max(position) FROM forgotten))
                           WHERE EXISTS (SELECT 1 FROM forgotten))
            SELECT coalesce(sum(events), 0) FROM forgotten
            """;

    /** Events numbered per numbering transaction at most: bounds its length under a burst. */
    private static final int NUMBERING_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final String numberingMark = UUID.randomUUID().toString();

    public JdbcEventJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The payload of this journal's "numbered" notifications. The replica's reader numbers and then reads at once,
     * so the notification of its own numbering has nothing to tell it (it woke the reader a second time for every
     * round logged alone); other replicas' readers are woken by it as before.
     */
    public String numberingMark() {
        return numberingMark;
    }

    @Override
    public void appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        boolean one = events.size() == 1;
        jdbc.sql(APPEND)
                .param("kind", one ? events.get(0).kind() : BUNDLE)
                .param("payload", one ? events.get(0).payloadJson() : null, Types.VARCHAR)
                .param("bundle", one ? null : bundle(events), Types.VARCHAR)
                .param("events", events.size())
                .query().singleValue();
    }

    /** Several events as one JSON array of their {"kind", "payload"} objects, in order. */
    private static String bundle(List<NewEvent> events) {
        StringBuilder array = new StringBuilder(events.stream().mapToInt(event -> event.payloadJson().length() + 40).sum());
        for (NewEvent event : events) {
            array.append(array.isEmpty() ? "[" : ",").append("{\"kind\":").append(JsonDocument.of(event.kind()).json())
                    .append(",\"payload\":").append(event.payloadJson()).append('}');
        }
        return array.append(']').toString();
    }

    /**
     * One statement, in the caller's transaction when there is one (the numbering lock is then held until it ends),
     * else committed on its own, which is how the reader calls it: before changeset 0490 this was a transaction of
     * four round trips (the lock, the numbering, the notification, COMMIT) and a fifth to find the journal's end.
     */
    @Override
    public Numbering numberCommitted() {
        return jdbc.sql(NUMBER).param("lock", NUMBERING_LOCK).param("most", NUMBERING_BATCH).param("mark", numberingMark)
                .query((row, number) -> new Numbering(row.getInt("numbered"), row.getLong("head"))).single();
    }

    @Override
    public List<JournalEntry> readAfter(long afterId, int limit) {
        return jdbc.sql(READ_AFTER).param("after", afterId).param("limit", limit)
                .query((rs, row) -> new JournalEntry(rs.getLong("position"), rs.getString("kind"),
                        rs.getString("payload"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The journal's end as changeset 0500's {@code live_journal_end()} says, which the numbering starts after. */
    @Override
    public long headId() {
        return jdbc.sql("SELECT live_journal_end()").query(Long.class).single();
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
