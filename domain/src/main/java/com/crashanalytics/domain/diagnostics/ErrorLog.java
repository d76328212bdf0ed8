package com.crashanalytics.domain.diagnostics;

import java.time.Instant;
import java.util.UUID;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * An error a bot reported, as stored ({@code error_logs}); it may belong to a session and a round, or to neither.
 *
 * @param roundId       the round, when it was logged by the time the error was
 * @param roundNumber   the round's number within the session, as the bot named it
 * @param clientEventId the bot's id for this event, which makes a retry harmless
 * @param timestamp     when it happened (as reported, else when the gateway received it)
 */
public record ErrorLog(
        UUID id,
        String botId,
        @Nullable String sessionId,
        @Nullable UUID roundId,
        @Nullable Integer roundNumber,
        @Nullable String clientEventId,
        String errorType,
        Severity severity,
        @Nullable String errorMessage,
        @Nullable String stackTrace,
        @Nullable String recoveryAction,
        @Nullable Boolean recoverySuccessful,
        @Nullable JsonDocument context,
        Instant timestamp,
        String contentFingerprint) {
}
