package com.crashanalytics.simulator.play;

import java.time.Instant;

/**
 * An error the bot would report (to the gateway's error log).
 *
 * @param clientEventId  the bot's own id for the event, unique per bot, so a retried report is recognised
 * @param severity       INFO, WARNING, ERROR or CRITICAL
 * @param recoveryAction what the bot did about it
 */
public record ErrorEvent(
        String clientEventId, String errorType, String severity, String message, String recoveryAction, Instant at) {
}
