package com.crashanalytics.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.common.ScheduledWorkLock;
import com.crashanalytics.domain.common.Transactions;

/**
 * Ends ACTIVE sessions silent (no round, no heartbeat) for longer than {@code abandonAfter} as ABANDONED, with the
 * reason. One sweep is one transaction, on one replica at a time; it ends at most {@code batchSize} sessions (the
 * next sweep takes the rest). Only status, end time, final balance and reason change: the rounds and the totals stay
 * exactly as they were, and a session already ended is never selected again, so sweeps never count twice.
 */
public final class SilentSessionSweeper implements AbandonSilentSessionsUseCase {

    /** The name of the sweep's lock, the same on every replica. */
    public static final String JOB = "abandon-silent-sessions";

    private final SessionLog sessions;
    private final SessionAnnouncements live;
    private final ScheduledWorkLock lock;
    private final Transactions transactions;
    private final Duration abandonAfter;
    private final int batchSize;

    public SilentSessionSweeper(SessionLog sessions, SessionAnnouncements live, ScheduledWorkLock lock,
                                Transactions transactions, Duration abandonAfter, int batchSize) {
        if (abandonAfter.isNegative() || abandonAfter.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("abandonAfter must be positive and batchSize at least 1, got "
                    + abandonAfter + " and " + batchSize);
        }
        this.sessions = sessions;
        this.live = live;
        this.lock = lock;
        this.transactions = transactions;
        this.abandonAfter = abandonAfter;
        this.batchSize = batchSize;
    }

    @Override
    public Sweep sweep(Instant now) {
        return transactions.inTransaction(() -> {
            if (!lock.tryHoldForTransaction(JOB)) {
                return Sweep.skipped();
            }
            List<Session> abandoned = sessions.lockSilentSessions(now.minus(abandonAfter), batchSize).stream()
                    .filter(session -> session.isStale(now, abandonAfter))
                    .map(session -> session.abandon(now, abandonAfter))
                    .toList();
            sessions.updateAll(abandoned);
            // Watchers of sessionChanged see the ghost end, in the same transaction as the end itself.
            abandoned.forEach(session -> live.ended(session, now));
            return new Sweep(true, abandoned.stream().map(Session::sessionId).toList());
        });
    }
}
