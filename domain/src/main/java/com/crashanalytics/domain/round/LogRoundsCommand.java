package com.crashanalytics.domain.round;

import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.common.Violations;

/**
 * Log up to {@value #MAX_ROUNDS} rounds at once, all or none. Self-validating: every bad round is reported, by
 * its index ({@code rounds[3].stakeValue}).
 */
public record LogRoundsCommand(Instant receivedAt, List<RoundReport> rounds) {

    public static final int MAX_ROUNDS = 1_000;

    public LogRoundsCommand {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        Violations violations = new Violations();
        if (rounds.isEmpty()) {
            violations.add("rounds", "REQUIRED", "must hold at least one round");
        } else if (rounds.size() > MAX_ROUNDS) {
            violations.add("rounds", "MAX_ITEMS",
                    "at most " + MAX_ROUNDS + " rounds per request (got " + rounds.size() + "); split the batch");
        } else {
            for (int i = 0; i < rounds.size(); i++) {
                violations.addAllUnder("rounds[" + i + "]", rounds.get(i).violations(receivedAt));
            }
        }
        violations.throwIfAny();
    }
}
