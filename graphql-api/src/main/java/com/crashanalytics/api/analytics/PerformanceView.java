package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import org.jspecify.annotations.Nullable;

/** The {@code PerformanceStats} type: the domain's figures, flattened as dashboards read them. */
record PerformanceView(
        long rounds,
        long wins,
        long losses,
        long skips,
        long errors,
        @Nullable BigDecimal winRate,
        BigDecimal totalStaked,
        BigDecimal totalProfitLoss,
        @Nullable BigDecimal roiPercent,
        @Nullable BigDecimal averageProfitLoss,
        BigDecimal grossWin,
        BigDecimal grossLoss,
        @Nullable BigDecimal profitFactor,
        @Nullable BigDecimal expectancy,
        @Nullable BigDecimal largestWin,
        @Nullable BigDecimal largestLoss,
        @Nullable BigDecimal averageWin,
        @Nullable BigDecimal averageLoss,
        long bets,
        @Nullable Double sharpeRatio,
        @Nullable Double sortinoRatio,
        int longestWinStreak,
        int longestLossStreak,
        @Nullable BigDecimal startingCapital,
        Drawdown maxDrawdown,
        Drawdown currentDrawdown,
        @Nullable Instant firstRoundAt,
        @Nullable Instant lastRoundAt) {

    static PerformanceView of(PerformanceStats stats) {
        RoundTotals totals = stats.totals();
        return new PerformanceView(
                totals.rounds(), totals.wins(), totals.losses(), totals.skips(), totals.errors(),
                totals.winRate(), totals.totalStaked(), totals.totalProfitLoss(), totals.roiPercent(),
                totals.averageProfitLoss(), totals.grossWin(), totals.grossLoss(), totals.profitFactor(),
                totals.expectancy(), totals.largestWin(), totals.largestLoss(), totals.averageWin(), totals.averageLoss(),
                stats.returns().bets(), stats.returns().sharpe(), stats.returns().sortino(),
                stats.streaks().longestWinStreak(), stats.streaks().longestLossStreak(),
                stats.startingCapital(), stats.maxDrawdown(), stats.currentDrawdown(),
                stats.firstRoundAt(), stats.lastRoundAt());
    }
}
