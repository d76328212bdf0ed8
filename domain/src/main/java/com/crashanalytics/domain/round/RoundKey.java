package com.crashanalytics.domain.round;

import java.util.Objects;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.session.StartSessionCommand;

/** A round's natural key and idempotency key: the bot, its session, and the number the bot gave the round. */
public record RoundKey(String botId, String sessionId, int roundNumber) {

    /** Checks a round named by bot, session and number, as commands about a round name it. */
    static Violations check(Violations violations, String botId, String sessionId, Integer roundNumber) {
        violations.identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH)
                .identifier("sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH)
                .nonNegative("roundNumber", roundNumber);
        if (roundNumber == null) {
            violations.add("roundNumber", "REQUIRED", "is required");
        }
        return violations;
    }

    /*
     * equals and hashCode written out: a record's generated ones go through a chain of method handles, and these keys
     * are hashed and compared thousands of times per dashboard (the DataLoaders' caches, the signals' grouping):
     * 5 % of the request thread's samples in a JFR profile of the 10 × 10 × 20 dashboard (2026-12-05). Same
     * contract as the generated ones.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RoundKey key && roundNumber == key.roundNumber
                && Objects.equals(botId, key.botId) && Objects.equals(sessionId, key.sessionId);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(botId) * 31 + Objects.hashCode(sessionId)) * 31 + roundNumber;
    }

    @Override
    public String toString() {
        return "round " + roundNumber + " of session '" + sessionId + "'";
    }
}
