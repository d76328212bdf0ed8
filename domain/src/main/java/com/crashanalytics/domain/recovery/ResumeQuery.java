package com.crashanalytics.domain.recovery;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.PageRequest;

/**
 * Where did this bot leave off? Self-validating.
 *
 * @param lastRounds how many of the session's last-numbered rounds to answer, 0 to 500
 */
public record ResumeQuery(String botId, int lastRounds) {

    public static final int DEFAULT_LAST_ROUNDS = 20;

    public ResumeQuery {
        new Violations()
                .identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH)
                .check(lastRounds >= 0 && lastRounds <= PageRequest.MAX_SIZE, "lastRounds", "RANGE",
                        "must be 0 to " + PageRequest.MAX_SIZE + " (got " + lastRounds + ")")
                .throwIfAny();
    }
}
