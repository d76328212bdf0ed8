package com.crashanalytics.domain.round;

import java.time.Instant;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.session.StartSessionCommand;

/**
 * Log one multiplier sample of a round already logged. The sample index is required here: it is what makes a
 * retry harmless. Self-validating.
 */
public record LogMultiplierCommand(Instant receivedAt, String botId, String sessionId, Integer roundNumber,
                                   MultiplierSampleReport sample) {

    public LogMultiplierCommand {
        Violations violations = new Violations()
                .identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH)
                .identifier("sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH)
                .nonNegative("roundNumber", roundNumber)
                .addAll(sample.violations(receivedAt));
        if (roundNumber == null) {
            violations.add("roundNumber", "REQUIRED", "is required");
        }
        if (sample.sampleIndex() == null) {
            violations.add("sampleIndex", "REQUIRED", "is required: it identifies the sample, so a retry writes nothing twice");
        }
        violations.throwIfAny();
    }

    public RoundKey roundKey() {
        return new RoundKey(botId, sessionId, roundNumber);
    }
}
