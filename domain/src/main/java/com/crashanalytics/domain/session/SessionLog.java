package com.crashanalytics.domain.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Outbound port: where sessions and their running totals are kept. */
public interface SessionLog {

    Optional<Session> find(String sessionId);

    /**
     * The sessions with these ids that exist, each locked until the current transaction ends, locked in id order
     * so two transactions locking overlapping sets cannot deadlock. Every write that changes a session's rounds
     * or totals takes this lock first: it is what serializes concurrent writes to one session.
     */
    List<Session> lockAll(Collection<String> sessionIds);

    /**
     * Up to {@code limit} ACTIVE sessions last heard from (a round, a heartbeat) before {@code silentBefore}, each
     * locked until the current transaction ends. Sessions another transaction holds (a round being logged) are
     * skipped, not waited for: they are plainly alive.
     */
    List<Session> lockSilentSessions(Instant silentBefore, int limit);

    /** Stores a new session unless one with its id exists (a concurrent start); says whether it stored it. */
    boolean insertIfAbsent(Session session);

    /** Stores the new state of sessions: status, end, heartbeat and running totals. */
    void updateAll(Collection<Session> sessions);
}
