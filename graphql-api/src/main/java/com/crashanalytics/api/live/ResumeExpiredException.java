package com.crashanalytics.api.live;

/** A resume from an event id older than what the journal still keeps: events after it were forgotten. */
public final class ResumeExpiredException extends RuntimeException {

    private final long forgottenThrough;

    public ResumeExpiredException(long after, long forgottenThrough) {
        super("events after " + after + " up to " + forgottenThrough + " are no longer kept (gateway.live.retention);"
                + " reload the current state with queries, then subscribe again without after, or with after: "
                + forgottenThrough, null, false, false);
        this.forgottenThrough = forgottenThrough;
    }

    public long forgottenThrough() {
        return forgottenThrough;
    }
}
