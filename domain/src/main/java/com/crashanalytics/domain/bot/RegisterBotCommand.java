package com.crashanalytics.domain.bot;

import java.math.BigDecimal;

import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Register a bot, or update the configuration of one already registered. Self-validating: an instance exists
 * only if every rule holds.
 *
 * @param tradeType whose money the bot plays; null: LIVE for a new bot, unchanged for a known one
 */
public record RegisterBotCommand(
        String botId,
        @Nullable String botName,
        @Nullable String vmName,
        @Nullable String vmProvider,
        @Nullable String region,
        @Nullable String strategyName,
        @Nullable BigDecimal initialBalance,
        @Nullable BigDecimal baseStake,
        @Nullable BigDecimal maxStake,
        @Nullable TradeType tradeType) {

    public static final int MAX_BOT_ID_LENGTH = 50;

    /** A registration that leaves the trade type as it is (LIVE for a new bot). */
    public RegisterBotCommand(String botId, @Nullable String botName, @Nullable String vmName,
                              @Nullable String vmProvider, @Nullable String region, @Nullable String strategyName,
                              @Nullable BigDecimal initialBalance, @Nullable BigDecimal baseStake,
                              @Nullable BigDecimal maxStake) {
        this(botId, botName, vmName, vmProvider, region, strategyName, initialBalance, baseStake, maxStake, null);
    }

    public RegisterBotCommand {
        Violations violations = new Violations()
                .identifier("botId", botId, MAX_BOT_ID_LENGTH)
                .text("botName", botName, 100)
                .text("vmName", vmName, 100)
                .text("vmProvider", vmProvider, 50)
                .text("region", region, 50)
                .text("strategyName", strategyName, 100)
                .amount("initialBalance", initialBalance, DecimalLimits.MONEY)
                .amount("baseStake", baseStake, DecimalLimits.MONEY)
                .amount("maxStake", maxStake, DecimalLimits.MONEY);
        if (baseStake != null && maxStake != null
                && !violations.hasViolationOn("baseStake") && !violations.hasViolationOn("maxStake")) {
            violations.check(maxStake.compareTo(baseStake) >= 0, "maxStake", "MAX_STAKE_AT_LEAST_BASE_STAKE",
                    "must be at least baseStake (" + baseStake.toPlainString() + "), got " + maxStake.toPlainString());
        }
        violations.throwIfAny();
    }
}
