package com.crashanalytics.domain.round;

import java.time.Instant;

import com.crashanalytics.domain.common.Violations;

/**
 * Log one round with its nested samples, signals and OCR reads. Self-validating.
 *
 * @param receivedAt when the gateway received the request: the default for absent times and the reference for
 *                   "not in the future"
 */
public record LogRoundCommand(Instant receivedAt, RoundReport round) {

    public LogRoundCommand {
        new Violations().addAll(round.violations(receivedAt)).throwIfAny();
    }
}
