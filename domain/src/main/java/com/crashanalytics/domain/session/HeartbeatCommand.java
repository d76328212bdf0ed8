package com.crashanalytics.domain.session;

import java.time.Instant;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A bot says it is alive, optionally in a session. The time recorded is when the gateway received it (a bot's
 * clock is not trusted for liveness). Self-validating.
 */
public record HeartbeatCommand(Instant receivedAt, String botId, @Nullable String sessionId) {

    public HeartbeatCommand {
        Violations violations = new Violations().identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        if (sessionId != null) {
            violations.identifier("sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH);
        }
        violations.throwIfAny();
    }
}
