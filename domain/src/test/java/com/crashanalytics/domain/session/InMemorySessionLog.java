package com.crashanalytics.domain.session;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link SessionLog} in a map, for testing use cases inside the hexagon. One thread at a time: "locked" sessions are
 * simply found, in id order as the port promises.
 */
public final class InMemorySessionLog implements SessionLog {

    private final Map<String, Session> sessions = new TreeMap<>();

    @Override
    public synchronized Optional<Session> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public synchronized List<Session> lockAll(Collection<String> sessionIds) {
        return sessionIds.stream().distinct().sorted().map(sessions::get).filter(session -> session != null).toList();
    }

    @Override
    public synchronized List<Session> lockSilentSessions(Instant silentBefore, int limit) {
        return sessions.values().stream()
                .filter(session -> session.isActive() && session.lastSeenAt().isBefore(silentBefore))
                .sorted(Comparator.comparing(Session::lastSeenAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean insertIfAbsent(Session session) {
        return sessions.putIfAbsent(session.sessionId(), session) == null;
    }

    @Override
    public synchronized void updateAll(Collection<Session> updated) {
        for (Session session : updated) {
            if (sessions.replace(session.sessionId(), session) == null) {
                throw new IllegalStateException("updated a session that was never inserted: " + session.sessionId());
            }
        }
    }

    /** Every session stored, in id order: what a test reads to see what a use case wrote. */
    public synchronized List<Session> all() {
        return List.copyOf(sessions.values());
    }
}
