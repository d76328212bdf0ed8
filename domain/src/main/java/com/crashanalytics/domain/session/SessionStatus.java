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
    ERROR;

    public boolean isEnded() {
        return this != ACTIVE;
    }
}
