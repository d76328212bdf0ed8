package com.crashanalytics.domain.live;

import java.time.Duration;

/**
 * Outbound port: wakes a replica's reader of the {@link EventJournal} when any replica committed or numbered events,
 * so it need not poll fast. A missed wake-up costs latency, never an event: the reader also looks on a timer.
 */
public interface JournalWakeups {

    /** Waits until events were committed or numbered, or {@code timeout} passed; true when woken by news. */
    boolean awaitNews(Duration timeout) throws InterruptedException;

    /**
     * Drops the news that came since the last wait, without waiting: a reader looking on its timer alone has no use
     * for them, and news never taken would pile up (in the listening connection, and in the database's queue).
     */
    void discardNews();

    /** Releases what waiting holds (the listening connection). */
    void close();
}
