package com.crashanalytics.domain.diagnostics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Log an error a bot met. Self-validating.
 *
 * @param severity  defaults to ERROR
 * @param timestamp defaults to when the gateway received it
 */
public record LogErrorCommand(
        DiagnosticTarget target,
        String errorType,
        @Nullable Severity severity,
        @Nullable String errorMessage,
        @Nullable String stackTrace,
        @Nullable String recoveryAction,
        @Nullable Boolean recoverySuccessful,
        @Nullable JsonDocument context,
        @Nullable Instant timestamp) {

    public static final int MAX_MESSAGE_LENGTH = 10_000;
    public static final int MAX_STACK_TRACE_LENGTH = 64 * 1024;

    public LogErrorCommand {
        Violations violations = new Violations();
        target.check(violations);
        violations.identifier("errorType", errorType, 100)
                .text("errorMessage", errorMessage, MAX_MESSAGE_LENGTH)
                .text("stackTrace", stackTrace, MAX_STACK_TRACE_LENGTH)
                .text("recoveryAction", recoveryAction, MAX_MESSAGE_LENGTH)
                .json("context", context)
                .time("timestamp", timestamp, target.receivedAt())
                .throwIfAny();
    }

    /** The error as submitted. */
    public String fingerprint() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("botId", target.botId());
        content.put("sessionId", target.sessionId());
        content.put("roundNumber", target.roundNumber());
        content.put("clientEventId", target.clientEventId());
        content.put("errorType", errorType);
        content.put("severity", severity);
        content.put("errorMessage", errorMessage);
        content.put("stackTrace", stackTrace);
        content.put("recoveryAction", recoveryAction);
        content.put("recoverySuccessful", recoverySuccessful);
        content.put("context", context);
        content.put("timestamp", timestamp);
        return Fingerprint.of("error", content);
    }
}
