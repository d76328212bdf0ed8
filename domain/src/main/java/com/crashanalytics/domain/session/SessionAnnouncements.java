package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.live.EventJournal;
import com.crashanalytics.domain.live.EventJournal.NewEvent;
import com.crashanalytics.domain.live.LiveEventKind;
import com.crashanalytics.domain.live.SessionChange;
import org.jspecify.annotations.Nullable;

/**
 * Tells the live side what happened to sessions, inside the writing transaction: each announcement is a
 * SESSION_CHANGED event in the {@link EventJournal}, heard by subscribers on every replica when it commits. The
 * payload holds the {@code SessionEvent} type's fields by name (schema.graphqls).
 */
public final class SessionAnnouncements {

    private final EventJournal journal;

    public SessionAnnouncements(EventJournal journal) {
        this.journal = journal;
    }

    public void started(Session session, Instant at) {
        journal.appendAll(List.of(event(session, SessionChange.STARTED, session.initialBalance(), at)));
    }

    public void ended(Session session, Instant at) {
        journal.appendAll(List.of(event(session, SessionChange.ENDED, session.finalBalance(), at)));
    }

    /** Sessions that went stale, told once per silence (a heartbeat or round ends it; the next silence is new). */
    public void wentStale(List<Session> sessions, Duration staleAfter) {
        if (!sessions.isEmpty()) {
            journal.appendAll(sessions.stream().map(session -> event(session, SessionChange.STALE,
                    session.totals().currentBalance(), session.lastSeenAt().plus(staleAfter))).toList());
        }
    }

    /** The event of a session a round left with nothing to stake; appended by the round's writer with its rounds. */
    public static NewEvent bust(Session session, Instant at) {
        return event(session, SessionChange.BUST, BigDecimal.ZERO, at);
    }

    private static NewEvent event(Session session, SessionChange change, @Nullable BigDecimal balance, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sessionId", session.sessionId());
        payload.put("botId", session.botId());
        payload.put("gameName", session.gameName());
        payload.put("platformCode", session.platformCode());
        payload.put("strategyName", session.strategyName());
        payload.put("change", change.name());
        payload.put("status", session.status().name());
        payload.put("balance", balance);
        payload.put("roundsPlayed", session.totals().totalRounds());
        payload.put("lastSeenAt", session.lastSeenAt().toString());
        payload.put("at", at.toString());
        return LiveEventKind.SESSION_CHANGED.event(payload);
    }
}
