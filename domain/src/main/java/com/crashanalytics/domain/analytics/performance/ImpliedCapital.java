package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The money a series of rounds started with, implied by the balances its bots reported, gathered one round at a time
 * (the definition is {@link RoundSeries#impliedStartingCapital()}'s): per bot, its first reported balance less its
 * P/L up to and including that round, summed over the bots; null when there was no round or a bot reported no
 * balance. Once a bot's capital is known its later rounds cost a map look-up only.
 */
public final class ImpliedCapital {

    private final Map<String, BigDecimal> profitLossBeforeBalance = new HashMap<>();
    private final Map<String, BigDecimal> capitalByBot = new HashMap<>();
    private BigDecimal total = BigDecimal.ZERO;

    /** The next round of {@code botId} (rounds in series order). */
    public void add(String botId, BigDecimal profitLoss, @Nullable BigDecimal balanceAfter) {
        if (capitalByBot.containsKey(botId)) {
            return;
        }
        BigDecimal cumulative = profitLossBeforeBalance.merge(botId, profitLoss, BigDecimal::add);
        if (balanceAfter != null) {
            BigDecimal capital = balanceAfter.subtract(cumulative);
            capitalByBot.put(botId, capital);
            profitLossBeforeBalance.remove(botId);
            total = total.add(capital);
        }
    }

    /** The implied capital of the rounds added; null when none were or some bot has reported no balance yet. */
    public @Nullable BigDecimal total() {
        return capitalByBot.isEmpty() || !profitLossBeforeBalance.isEmpty() ? null : total;
    }
}
