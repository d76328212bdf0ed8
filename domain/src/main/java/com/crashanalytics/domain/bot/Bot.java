package com.crashanalytics.domain.bot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import com.crashanalytics.domain.common.ConflictException;

import org.jspecify.annotations.Nullable;

/**
 * A bot instance: an automated player running on some VM, identified by the id it chose. Its configuration can
 * change over time (name, VM, strategy, stakes); when it was first registered never does.
 *
 * @param tradeType whose money it plays; fixed once it has started a session, so its rounds are all of one kind
 */
public record Bot(
        String botId,
        @Nullable String botName,
        @Nullable String vmName,
        @Nullable String vmProvider,
        @Nullable String region,
        @Nullable String strategyName,
        @Nullable BigDecimal initialBalance,
        @Nullable BigDecimal baseStake,
        @Nullable BigDecimal maxStake,
        @Nullable String currentSessionId,
        Instant registeredAt,
        Instant updatedAt,
        @Nullable Instant lastHeartbeatAt,
        TradeType tradeType) {

    /** A bot seen for the first time. */
    public static Bot register(RegisterBotCommand command, Instant now) {
        return new Bot(command.botId(), command.botName(), command.vmName(), command.vmProvider(), command.region(),
                command.strategyName(), command.initialBalance(), command.baseStake(), command.maxStake(),
                null, now, now, null, command.tradeType() != null ? command.tradeType() : TradeType.DEFAULT);
    }

    /**
     * This bot with the configuration of a new registration; identity, history and timestamps of life kept. A
     * registration that states no trade type keeps the bot's; one that changes it is refused once the bot has
     * started a session, since its rounds would then be counted as the other kind of money.
     */
    public Bot reconfigure(RegisterBotCommand command, Instant now) {
        TradeType newTradeType = command.tradeType() != null ? command.tradeType() : tradeType;
        if (newTradeType != tradeType && currentSessionId != null) {
            throw new ConflictException("tradeType", "bot '" + botId + "' already played " + tradeType
                    + " sessions and cannot become " + newTradeType + ": its rounds would change kind of money;"
                    + " register the " + newTradeType + " bot under a new botId");
        }
        return new Bot(botId, command.botName(), command.vmName(), command.vmProvider(), command.region(),
                command.strategyName(), command.initialBalance(), command.baseStake(), command.maxStake(),
                currentSessionId, registeredAt, now, lastHeartbeatAt, newTradeType);
    }

    /** This bot with its current session and last heartbeat as given, everything else as it is. */
    public Bot withActivity(@Nullable String sessionId, @Nullable Instant heartbeatAt) {
        return new Bot(botId, botName, vmName, vmProvider, region, strategyName, initialBalance, baseStake, maxStake,
                sessionId, registeredAt, updatedAt, heartbeatAt, tradeType);
    }

    /** Whether a registration would change nothing. Amounts compare by value: 10.0 and 10.00 are the same stake. */
    public boolean isConfiguredAs(RegisterBotCommand command) {
        return Objects.equals(botName, command.botName())
                && Objects.equals(vmName, command.vmName())
                && Objects.equals(vmProvider, command.vmProvider())
                && Objects.equals(region, command.region())
                && Objects.equals(strategyName, command.strategyName())
                && sameAmount(initialBalance, command.initialBalance())
                && sameAmount(baseStake, command.baseStake())
                && sameAmount(maxStake, command.maxStake())
                && (command.tradeType() == null || command.tradeType() == tradeType);
    }

    private static boolean sameAmount(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
