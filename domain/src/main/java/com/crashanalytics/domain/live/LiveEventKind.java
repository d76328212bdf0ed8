package com.crashanalytics.domain.live;

import java.util.Map;

import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.live.EventJournal.NewEvent;

/**
 * What a live event tells; its payload's shape follows from it (the payload holds the fields of the GraphQL event
 * type of its subscription, by name).
 */
public enum LiveEventKind {
    /** A round was logged (new, not a retried duplicate). */
    ROUND_LOGGED,
    /** A session started, ended, went stale or went bust. */
    SESSION_CHANGED,
    /** The first report of a game round's crash point, whichever bot watched it first. */
    CRASH_OBSERVED,
    /** An alert rule raised an alert. */
    ALERT_RAISED;

    /** An event of this kind with this payload, written as JSON. */
    public NewEvent event(Map<String, Object> payload) {
        return new NewEvent(name(), JsonDocument.of(payload).json());
    }
}
