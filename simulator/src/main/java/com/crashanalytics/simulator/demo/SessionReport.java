package com.crashanalytics.simulator.demo;

import java.time.Duration;

import com.crashanalytics.simulator.play.SimulatedSession;

/**
 * What sending one session did.
 *
 * @param alreadyStarted whether the gateway already had the session (an earlier run with the same seed)
 * @param written        rounds the gateway stored now
 * @param duplicates     rounds it already had exactly so, and answered {@code duplicate: true}
 * @param errors         errors reported with logError
 * @param status         how the session was ended: COMPLETED, or ABORTED for a bust
 */
public record SessionReport(SimulatedSession session, boolean alreadyStarted, int written, int duplicates, int errors,
                            String status, Duration took) {

    public int rounds() {
        return written + duplicates;
    }
}
