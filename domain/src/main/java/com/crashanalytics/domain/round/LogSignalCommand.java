package com.crashanalytics.domain.round;

import java.time.Instant;

import com.crashanalytics.domain.common.Violations;

/**
 * Log one signal for a round, before or after the round itself is logged. Self-validating.
 */
public record LogSignalCommand(Instant receivedAt, String botId, String sessionId, Integer roundNumber,
                               SignalReport signal) {

    public LogSignalCommand {
        Violations violations = RoundKey.check(new Violations(), botId, sessionId, roundNumber)
                .addAll(signal.violations(receivedAt));
        violations.throwIfAny();
    }

    public RoundKey roundKey() {
        return new RoundKey(botId, sessionId, roundNumber);
    }
}
