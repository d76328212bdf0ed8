package com.crashanalytics.domain.access;

/** Things that belong to one bot and are named by their own id in a request, not by the bot's. */
public enum OwnedResource {
    /** A playing session, by its client-chosen {@code session_id}. */
    SESSION,
    /** A logged round, by its gateway-generated id (a UUID). */
    ROUND
}
