package com.crashanalytics.simulator.demo;

import java.time.Duration;
import java.util.List;

import com.crashanalytics.simulator.play.SimulatedSession;

/**
 * What the demo did.
 *
 * @param sessions every simulated session, sent or not
 * @param reports  the sessions the gateway took, in the order they finished
 * @param failures one line per bot that had to stop, saying why
 */
public record DemoResult(List<SimulatedSession> sessions, List<SessionReport> reports, List<String> failures,
                         Duration took) {

    public DemoResult {
        sessions = List.copyOf(sessions);
        reports = List.copyOf(reports);
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty() && reports.size() == sessions.size();
    }

    public long roundsWritten() {
        return reports.stream().mapToLong(SessionReport::written).sum();
    }

    public long duplicates() {
        return reports.stream().mapToLong(SessionReport::duplicates).sum();
    }
}
