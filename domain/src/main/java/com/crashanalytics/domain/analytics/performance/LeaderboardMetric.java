package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** What a leaderboard ranks bots by: one of the {@link RoundTotals} figures, as reported (rounded). */
public enum LeaderboardMetric {
    TOTAL_PROFIT_LOSS,
    ROI,
    WIN_RATE,
    PROFIT_FACTOR;

    /** The bot's figure; null where the figure is undefined (e.g. the profit factor of a bot without losses). */
    public @Nullable BigDecimal of(RoundTotals totals) {
        return switch (this) {
            case TOTAL_PROFIT_LOSS -> totals.totalProfitLoss();
            case ROI -> totals.roiPercent();
            case WIN_RATE -> totals.winRate();
            case PROFIT_FACTOR -> totals.profitFactor();
        };
    }
}
