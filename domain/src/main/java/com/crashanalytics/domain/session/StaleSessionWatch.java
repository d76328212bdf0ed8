package com.crashanalytics.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;

/**
 * Announces sessions going stale (still open, nothing heard for longer than {@code staleAfter}) once per silence:
 * each sweep looks at the sessions whose staleness began since the last sweep, on whichever replica holds the
 * watch's lock, and records how far it looked. A session heard from again and silent again is a new silence.
 */
public final class StaleSessionWatch {

    /** The watch among the jobs one replica at a time runs ({@link ScheduledWorkLock}). */
    public static final String JOB = "stale-session-watch";

    private final SessionSilence silence;
    private final ScheduledWorkLock lock;
    private final SessionAnnouncements live;
    private final Transactions transactions;
    private final Duration staleAfter;

    public StaleSessionWatch(SessionSilence silence, ScheduledWorkLock lock, SessionAnnouncements live,
                             Transactions transactions,
                             Duration staleAfter) {
        this.silence = silence;
        this.lock = lock;
        this.live = live;
        this.transactions = transactions;
        this.staleAfter = staleAfter;
    }

    /** Announces the sessions that went stale up to {@code now}; how many (0 also when another replica sweeps). */
    public int sweep(Instant now) {
        return transactions.inTransaction(() -> {
            if (!lock.tryHoldForTransaction(JOB)) {
                return 0;
            }
            Instant from = silence.sweptThrough();
            if (!now.isAfter(from)) {
                return 0;
            }
            List<Session> wentStale = silence.activeLastSeenBetween(from.minus(staleAfter), now.minus(staleAfter));
            live.wentStale(wentStale, staleAfter);
            silence.sweptThrough(now);
            return wentStale.size();
        });
    }
}
