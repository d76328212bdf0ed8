package com.crashanalytics.api.bot;

import java.math.BigDecimal;

import com.crashanalytics.domain.bot.RegisterBotCommand;

/** The GraphQL {@code RegisterBotInput}, as bound from the request. */
record RegisterBotInput(String botId, String botName, String vmName, String vmProvider, String region,
                        String strategyName, BigDecimal initialBalance, BigDecimal baseStake, BigDecimal maxStake) {

    RegisterBotCommand toCommand() {
        return new RegisterBotCommand(botId, botName, vmName, vmProvider, region, strategyName, initialBalance,
                baseStake, maxStake);
    }
}
