package com.crashanalytics.domain.live;

import java.time.Instant;
import java.util.List;

/**
 * Outbound port: the journal of live events, written in the transaction of the data it tells about (a transactional
 * outbox), so an event is published exactly when its data commits, on whichever replica reads it.
 */
public interface EventJournal {

    /** Appends an event to the current transaction; listeners are woken when it commits. */
    void append(String kind, String payloadJson);

    /**
     * Committed events after {@code afterId}, in id order, at most {@code limit}. Gap-free: an event is handed out
     * only once every transaction that might still commit a smaller id has ended, so a reader that resumes after
     * the last id it saw never misses one.
     */
    List<JournalEntry> readAfter(long afterId, int limit);

    /** Forgets the events recorded before {@code cutoff}; returns how many. */
    int forgetBefore(Instant cutoff);

    /** One event as stored: its id orders every event of every replica. */
    record JournalEntry(long id, String kind, String payloadJson, Instant recordedAt) {
    }
}
