package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.EquityReturns;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.jspecify.annotations.Nullable;

/**
 * The {@code PerformanceStats} type: the domain's figures, flattened as dashboards read them. Built from
 * {@link PerformanceTotals} when the query selects no order-dependent field; those fields are then null and never
 * read (see {@link #ORDER_DEPENDENT_FIELDS}).
 */
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
        @Nullable Integer longestWinStreak,
        @Nullable Integer longestLossStreak,
        @Nullable BigDecimal startingCapital,
        @Nullable Drawdown maxDrawdown,
        @Nullable Drawdown currentDrawdown,
        @Nullable Instant firstRoundAt,
        @Nullable Instant lastRoundAt,
        @Nullable EquityReturns equity,
        @Nullable String requestedCurrency,
        @Nullable CurrencyConversion conversion) {

    /** The fields only the rounds in order can give: asking for one makes the query scan the rounds. */
    static final List<String> ORDER_DEPENDENT_FIELDS = List.of(
            "longestWinStreak", "longestLossStreak", "startingCapital", "maxDrawdown", "currentDrawdown",
            "equityRounds", "equitySharpeRatio", "equitySortinoRatio", "equityDays", "dailySharpeRatio",
            "dailySortinoRatio", "timeWeightedReturnPercent", "maxDrawdownPercentOfEquity",
            "currentDrawdownPercentOfEquity");

    /** The fields of {@link EquityReturns}: only a query that selects one reads the sessions' equity. */
    static final List<String> EQUITY_FIELDS = ORDER_DEPENDENT_FIELDS.subList(5, ORDER_DEPENDENT_FIELDS.size());

    static boolean needsRoundOrder(DataFetchingFieldSelectionSet selection) {
        return ORDER_DEPENDENT_FIELDS.stream().anyMatch(selection::contains);
    }

    static boolean needsEquity(DataFetchingFieldSelectionSet selection) {
        return EQUITY_FIELDS.stream().anyMatch(selection::contains);
    }

    static PerformanceView of(PerformanceTotals figures) {
        RoundTotals totals = figures.totals();
        return new PerformanceView(
                totals.rounds(), totals.wins(), totals.losses(), totals.skips(), totals.errors(),
                totals.winRate(), totals.totalStaked(), totals.totalProfitLoss(), totals.roiPercent(),
                totals.averageProfitLoss(), totals.grossWin(), totals.grossLoss(), totals.profitFactor(),
                totals.expectancy(), totals.largestWin(), totals.largestLoss(), totals.averageWin(), totals.averageLoss(),
                figures.returns().bets(), figures.returns().sharpe(), figures.returns().sortino(),
                null, null, null, null, null, figures.firstRoundAt(), figures.lastRoundAt(), null, null, null);
    }

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
                stats.firstRoundAt(), stats.lastRoundAt(), stats.equity(), null, null);
    }

    /** These figures, read over the rounds on platforms of {@code currency} only (null: every platform). */
    PerformanceView inCurrency(@Nullable String currency) {
        return inCurrency(currency, null);
    }

    /**
     * These figures, read over the rounds on platforms of {@code currency} only (null: every platform), their money
     * converted by {@code conversion} (null: as logged) and so in its currency.
     */
    PerformanceView inCurrency(@Nullable String currency, @Nullable CurrencyConversion converted) {
        return new PerformanceView(rounds, wins, losses, skips, errors, winRate, totalStaked, totalProfitLoss, roiPercent,
                averageProfitLoss, grossWin, grossLoss, profitFactor, expectancy, largestWin, largestLoss, averageWin,
                averageLoss, bets, sharpeRatio, sortinoRatio, longestWinStreak, longestLossStreak, startingCapital,
                maxDrawdown, currentDrawdown, firstRoundAt, lastRoundAt, equity,
                converted == null ? currency : converted.currency(), converted);
    }

    /** The per-bet Sharpe ratio under the name that says so ({@code sharpeRatio} is its deprecated alias). */
    public @Nullable Double perBetSharpeRatio() {
        return sharpeRatio;
    }

    /** The per-bet Sortino ratio under the name that says so. */
    public @Nullable Double perBetSortinoRatio() {
        return sortinoRatio;
    }

    public @Nullable Long equityRounds() {
        return equity == null ? null : equity.perRound().bets();
    }

    public @Nullable Double equitySharpeRatio() {
        return equity == null ? null : equity.perRound().sharpe();
    }

    public @Nullable Double equitySortinoRatio() {
        return equity == null ? null : equity.perRound().sortino();
    }

    public @Nullable Long equityDays() {
        return equity == null ? null : equity.perDay().bets();
    }

    public @Nullable BigDecimal timeWeightedReturnPercent() {
        return equity == null ? null : equity.timeWeightedReturnPercent();
    }

    public @Nullable BigDecimal maxDrawdownPercentOfEquity() {
        return equity == null ? null : equity.maxDrawdownPercent();
    }

    public @Nullable BigDecimal currentDrawdownPercentOfEquity() {
        return equity == null ? null : equity.currentDrawdownPercent();
    }
}
