package com.crashanalytics.domain.round;

import java.time.Instant;
import java.util.List;

/**
 * Outbound port: judges what the crash points of newly logged rounds decide, in the transaction that logs them, so a
 * verdict is stored exactly when its deciding round is (the prediction area judges the predictions about the game).
 * It costs the logging one more statement per game and platform logged (the pending predictions, by a partial index),
 * and one more when it reaches verdicts.
 */
@FunctionalInterface
public interface CrashPointJudge {

    /** Judges nothing: for a gateway without predictions, and for tests of the logging alone. */
    CrashPointJudge NONE = (rounds, at) -> { };

    /** @param loggedRounds the rounds this transaction wrote; those without a crash point decide nothing */
    void judgeWith(List<Round> loggedRounds, Instant at);
}
