package com.crashanalytics.simulator.gateway;

/**
 * What startSession answered.
 *
 * @param duplicate whether the session had already been started exactly so (a retry, or a second run)
 * @param status    the session's status now: ACTIVE, or how it ended if it already has
 */
public record SessionStarted(boolean duplicate, String status) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
