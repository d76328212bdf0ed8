package com.crashanalytics.domain.session;

/** Where a session is in its life. Only an ACTIVE session accepts rounds. */
public enum SessionStatus {
    /** Started and not ended: accepts rounds. */
    ACTIVE,
    /** Ended normally. */
    COMPLETED,
    /** Stopped early on purpose (stop-loss, operator). */
    ABORTED,
    /** Ended by a failure. */
    ERROR,
    /**
     * Ended by the gateway, not the bot: nothing was heard from it for longer than the sweeper's limit (the bot died
     * without ending it). The session keeps its rounds and totals; its end reason says why and since when.
     */
    ABANDONED;

    public boolean isEnded() {
        return this != ACTIVE;
    }
}
