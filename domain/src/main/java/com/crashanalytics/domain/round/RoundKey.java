package com.crashanalytics.domain.round;

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

    @Override
    public String toString() {
        return "round " + roundNumber + " of session '" + sessionId + "'";
    }
}
