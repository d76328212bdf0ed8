package com.crashanalytics.domain.bot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A bot instance: an automated player running on some VM, identified by the id it chose. Its configuration can
 * change over time (name, VM, strategy, stakes); when it was first registered never does.
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
        @Nullable Instant lastHeartbeatAt) {

    /** A bot seen for the first time. */
    public static Bot register(RegisterBotCommand command, Instant now) {
        return new Bot(command.botId(), command.botName(), command.vmName(), command.vmProvider(), command.region(),
                command.strategyName(), command.initialBalance(), command.baseStake(), command.maxStake(),
                null, now, now, null);
    }

    /** This bot with the configuration of a new registration; identity, history and timestamps of life kept. */
    public Bot reconfigure(RegisterBotCommand command, Instant now) {
        return new Bot(botId, command.botName(), command.vmName(), command.vmProvider(), command.region(),
                command.strategyName(), command.initialBalance(), command.baseStake(), command.maxStake(),
                currentSessionId, registeredAt, now, lastHeartbeatAt);
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
                && sameAmount(maxStake, command.maxStake());
    }

    private static boolean sameAmount(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
