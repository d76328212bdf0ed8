package com.crashanalytics.domain.live;

/** What happened to a session, as the {@code sessionChanged} feed tells it. */
public enum SessionChange {
    /** startSession opened it. */
    STARTED,
    /** endSession closed it; the event carries the status it ended with. */
    ENDED,
    /** Still open, but nothing heard (no round, no heartbeat) for longer than the stale-after time. */
    STALE,
    /** A round left its balance at zero: the bot has nothing left to stake. */
    BUST
}
