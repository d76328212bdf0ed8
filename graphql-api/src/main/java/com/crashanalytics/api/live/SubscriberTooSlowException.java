package com.crashanalytics.api.live;

/**
 * A subscriber's buffer overflowed: it read slower than events came. Its feed ends; it resumes with
 * {@code after: resumeAfter} and misses nothing (as long as it comes back within the retention).
 */
public final class SubscriberTooSlowException extends RuntimeException {

    private final long resumeAfter;

    public SubscriberTooSlowException(long resumeAfter) {
        super("this subscription read slower than events came and its buffer is full; subscribe again with after: "
                + resumeAfter + " to continue without missing an event", null, false, false);
        this.resumeAfter = resumeAfter;
    }

    public long resumeAfter() {
        return resumeAfter;
    }
}
