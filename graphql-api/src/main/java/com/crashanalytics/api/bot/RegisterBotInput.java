package com.crashanalytics.api.bot;

import java.math.BigDecimal;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.bot.TradeType;

/** The GraphQL {@code RegisterBotInput}, as bound from the request. */
record RegisterBotInput(String botId, String botName, String vmName, String vmProvider, String region,
                        String strategyName, BigDecimal initialBalance, BigDecimal baseStake, BigDecimal maxStake,
                        TradeType tradeType) {

    RegisterBotCommand toCommand() {
        return new RegisterBotCommand(botId, botName, vmName, vmProvider, region, strategyName, initialBalance,
                baseStake, maxStake, tradeType);
    }
}
