package com.crashanalytics.domain.session;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.ConfigurePlatformCommand;
import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.InvalidInputException;
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
 * @param tradeType     whose money the session plays, when the bot states it: it must be its bot's (a session is
 *                      never the other kind of money than its bot); null: its bot's
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
        @Nullable Instant startTime,
        @Nullable TradeType tradeType) {

    public static final int MAX_SESSION_ID_LENGTH = 100;

    /** A start that leaves the trade type to the bot's. */
    public StartSessionCommand(Instant receivedAt, String sessionId, String botId, String gameName,
                               String platformCode, @Nullable String strategyName,
                               @Nullable JsonDocument strategyParameters, BigDecimal initialBalance,
                               @Nullable Instant startTime) {
        this(receivedAt, sessionId, botId, gameName, platformCode, strategyName, strategyParameters, initialBalance,
                startTime, null);
    }

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

    /**
     * Refuses a session that states another trade type than its bot's: the bot's balance, equity curve and
     * drawdowns would mix paper and live money. A bot that plays both kinds registers one bot id for each.
     */
    public void ensurePlayableBy(Bot bot) {
        if (tradeType != null && tradeType != bot.tradeType()) {
            throw InvalidInputException.of("tradeType", "SAME_AS_BOT", "bot '" + bot.botId() + "' is registered as "
                    + bot.tradeType() + " and plays only " + bot.tradeType() + " sessions (got " + tradeType
                    + "); register a " + tradeType + " bot under another botId for " + tradeType + " money");
        }
    }

    /**
     * The request as submitted (not when it arrived): the same start sent again has the same fingerprint. The trade
     * type is left out: it only restates the bot's, so a retry that omits it is the same start.
     */
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
