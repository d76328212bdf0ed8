package com.crashanalytics.domain.round;

import java.time.Instant;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.session.StartSessionCommand;

/**
 * Log one signal for a round, before or after the round itself is logged. Self-validating.
 */
public record LogSignalCommand(Instant receivedAt, String botId, String sessionId, Integer roundNumber,
                               SignalReport signal) {

    public LogSignalCommand {
        Violations violations = new Violations()
                .identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH)
                .identifier("sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH)
                .nonNegative("roundNumber", roundNumber)
                .addAll(signal.violations(receivedAt));
        if (roundNumber == null) {
            violations.add("roundNumber", "REQUIRED", "is required");
        }
        violations.throwIfAny();
    }

    public RoundKey roundKey() {
        return new RoundKey(botId, sessionId, roundNumber);
    }
}
