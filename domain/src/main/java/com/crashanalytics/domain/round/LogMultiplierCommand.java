package com.crashanalytics.domain.round;

import java.time.Instant;

import com.crashanalytics.domain.common.Violations;

/**
 * Log one multiplier sample of a round already logged. The sample index is required here: it is what makes a
 * retry harmless. Self-validating.
 */
public record LogMultiplierCommand(Instant receivedAt, String botId, String sessionId, Integer roundNumber,
                                   MultiplierSampleReport sample) {

    public LogMultiplierCommand {
        Violations violations = RoundKey.check(new Violations(), botId, sessionId, roundNumber)
                .addAll(sample.violations(receivedAt));
        if (sample.sampleIndex() == null) {
            violations.add("sampleIndex", "REQUIRED", "is required: it identifies the sample, so a retry writes nothing twice");
        }
        violations.throwIfAny();
    }

    public RoundKey roundKey() {
        return new RoundKey(botId, sessionId, roundNumber);
    }
}
