package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * What the live bots filed under a strategy achieved on the replay's game and platform in its window, as one
 * portfolio (the same figures {@code Strategy.performance} gives for that scope), with who played and who went bust
 * ({@link LiveBots}).
 *
 * @param maxDrawdownPercent the largest fall in percent of the portfolio's peak equity (its sessions' capital
 *                           included); null when the capital is unknown
 */
public record LiveStrategyRun(String strategy, int bots, int sessions, int bustSessions, long rounds, long wins, long losses,
                              BigDecimal totalStaked, BigDecimal profitLoss, @Nullable BigDecimal roiPercent,
                              BigDecimal maxDrawdown, @Nullable BigDecimal maxDrawdownPercent) {

    /** The portfolio's order-independent {@code totals} and its largest fall ({@code maxDrawdown}). */
    public static LiveStrategyRun of(String strategy, LiveBots players, RoundTotals totals, Drawdown maxDrawdown) {
        return new LiveStrategyRun(strategy, players.bots(), players.sessions(), players.bustSessions(), totals.rounds(),
                totals.wins(), totals.losses(), totals.totalStaked(), totals.totalProfitLoss(),
                Ratios.percent(totals.totalProfitLoss(), totals.totalStaked()),
                maxDrawdown.amount(), maxDrawdown.percentOfPeak());
    }
}
