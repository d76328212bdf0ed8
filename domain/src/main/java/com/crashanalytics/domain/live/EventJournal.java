package com.crashanalytics.domain.live;

import java.time.Instant;
import java.util.List;

/**
 * Outbound port: the journal of live events, written in the transaction of the data it tells about (a transactional
 * outbox), so an event is published exactly when its data commits, on whichever replica reads it.
 */
public interface EventJournal {

    /** Appends an event to the current transaction; listeners are woken when it commits. */
    default void append(String kind, String payloadJson) {
        appendAll(List.of(new NewEvent(kind, payloadJson)));
    }

    /** Appends events to the current transaction, in this order, in one round trip; listeners are woken on commit. */
    void appendAll(List<NewEvent> events);

    /**
     * Gives committed events their id, in the order they became visible, if no other replica is doing so right now;
     * wakes the readers of every replica when it numbered any. Returns how many it numbered and where the journal
     * ends after it (as {@link #headId()} would tell, in the same call). Ids are given after commit, one numbering at
     * a time, so a reader that has seen an id has seen every smaller one.
     */
    Numbering numberCommitted();

    /**
     * Numbered events after {@code afterId}, in id order, at most {@code limit}. Gap-free: a reader that resumes
     * after the last id it saw never misses one.
     */
    List<JournalEntry> readAfter(long afterId, int limit);

    /** The id of the last numbered event (0 when there is none): where a live reader starts. */
    long headId();

    /** The largest id forgotten by {@link #forgetBefore}: a reader resuming after an older id has missed events. */
    long forgottenThrough();

    /** Forgets the events recorded before {@code cutoff} and moves {@link #forgottenThrough()}; returns how many. */
    int forgetBefore(Instant cutoff);

    /**
     * What a call of {@link #numberCommitted()} did: how many events it numbered (0 when another replica was
     * numbering), and the id of the last numbered event after it (0 when there is none), where a reader's next read
     * ends.
     */
    record Numbering(int numbered, long headId) {
    }

    /** An event to append: its kind (a {@link LiveEventKind} name) and its payload as JSON text. */
    record NewEvent(String kind, String payloadJson) {
    }

    /** One event as stored: its id orders every event of every replica. */
    record JournalEntry(long id, String kind, String payloadJson, Instant recordedAt) {
    }
}
