package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * End a session. Self-validating.
 *
 * @param status       COMPLETED, ABORTED or ERROR
 * @param finalBalance defaults to the balance the gateway tracked from the rounds
 * @param endTime      defaults to {@code receivedAt}
 */
public record EndSessionCommand(
        Instant receivedAt,
        String botId,
        String sessionId,
        SessionStatus status,
        @Nullable BigDecimal finalBalance,
        @Nullable String notes,
        @Nullable Instant endTime) {

    public static final int MAX_NOTES_LENGTH = 10_000;

    public EndSessionCommand {
        Violations violations = new Violations()
                .identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH)
                .identifier("sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH)
                .amount("finalBalance", finalBalance, DecimalLimits.MONEY)
                .text("notes", notes, MAX_NOTES_LENGTH)
                .time("endTime", endTime, receivedAt);
        if (status == null) {
            violations.add("status", "REQUIRED", "is required");
        } else {
            violations.check(status.isEnded() && status != SessionStatus.ABANDONED, "status", "ENDED_STATUS",
                    "must be how the session ended: COMPLETED, ABORTED or ERROR (got " + status
                            + "; ABANDONED is set by the gateway only)");
        }
        violations.throwIfAny();
    }
}
