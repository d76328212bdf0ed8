package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.bot.ConfigurePlatformCommand;
import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Start a session (idempotent by the client-chosen session id). Self-validating.
 *
 * @param receivedAt    when the gateway received the request: the default start time and the reference for
 *                      "not in the future"
 * @param strategyName  defaults to the bot's registered strategy
 * @param startTime     defaults to {@code receivedAt}
 */
public record StartSessionCommand(
        Instant receivedAt,
        String sessionId,
        String botId,
        String gameName,
        String platformCode,
        @Nullable String strategyName,
        @Nullable JsonDocument strategyParameters,
        BigDecimal initialBalance,
        @Nullable Instant startTime) {

    public static final int MAX_SESSION_ID_LENGTH = 100;

    public StartSessionCommand {
        new Violations()
                .identifier("sessionId", sessionId, MAX_SESSION_ID_LENGTH)
                .identifier("botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH)
                .code("gameName", gameName, ConfigurePlatformCommand.MAX_CODE_LENGTH)
                .code("platformCode", platformCode, ConfigurePlatformCommand.MAX_CODE_LENGTH)
                .text("strategyName", strategyName, 100)
                .json("strategyParameters", strategyParameters)
                .requiredAmount("initialBalance", initialBalance, DecimalLimits.MONEY)
                .time("startTime", startTime, receivedAt)
                .throwIfAny();
    }

    /** The request as submitted (not when it arrived): the same start sent again has the same fingerprint. */
    public String fingerprint() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("sessionId", sessionId);
        content.put("botId", botId);
        content.put("gameName", gameName);
        content.put("platformCode", platformCode);
        content.put("strategyName", strategyName);
        content.put("strategyParameters", strategyParameters);
        content.put("initialBalance", initialBalance);
        content.put("startTime", startTime);
        return Fingerprint.of("startSession", content);
    }
}
