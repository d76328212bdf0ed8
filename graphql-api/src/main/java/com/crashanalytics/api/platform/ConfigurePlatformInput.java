package com.crashanalytics.api.platform;

import java.math.BigDecimal;

import com.crashanalytics.domain.bot.ConfigurePlatformCommand;

/** The GraphQL {@code ConfigurePlatformInput}, as bound from the request. */
record ConfigurePlatformInput(String gameName, String platformCode, String platformUrl, String currency,
                              BigDecimal houseEdgePercent, BigDecimal minMultiplier, BigDecimal maxMultiplier,
                              Boolean isActive) {

    ConfigurePlatformCommand toCommand() {
        return new ConfigurePlatformCommand(gameName, platformCode, platformUrl, currency, houseEdgePercent,
                minMultiplier, maxMultiplier, isActive);
    }
}
