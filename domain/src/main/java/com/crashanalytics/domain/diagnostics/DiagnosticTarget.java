package com.crashanalytics.domain.diagnostics;

import java.time.Instant;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.session.StartSessionCommand;
import org.jspecify.annotations.Nullable;

/**
 * Whose an error or OCR read is: always a bot; a session and a round (by number) when it concerns one; and the
 * bot's own event id, which makes a retry harmless.
 */
public record DiagnosticTarget(Instant receivedAt, String botId, @Nullable String sessionId,
                               @Nullable Integer roundNumber, @Nullable String clientEventId) {

    void check(Violations violations) {
        violations.identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        if (sessionId != null) {
            violations.identifier("sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH);
        }
        if (clientEventId != null) {
            violations.identifier("clientEventId", clientEventId, 100);
        }
        violations.nonNegative("roundNumber", roundNumber);
        if (roundNumber != null) {
            violations.check(sessionId != null, "roundNumber", "NEEDS_SESSION",
                    "a round is named by its number within a session: give sessionId too");
        }
    }
}
