package com.crashanalytics.domain.analytics.performance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The part of {@link PerformanceStats} that does not depend on the order of the rounds: totals and their ratios,
 * Sharpe and Sortino, first and last round. It adds up across hours and bots, so it can be read from a rollup; the
 * order-dependent rest (drawdowns, streaks, starting capital) needs the rounds in order.
 *
 * @param totals       counts, money sums and the ratios of them
 * @param returns      Sharpe and Sortino
 * @param firstRoundAt the start time of the first round; null without rounds
 * @param lastRoundAt  the start time of the last round; null without rounds
 */
public record PerformanceTotals(RoundTotals totals, ReturnRatios returns, @Nullable Instant firstRoundAt,
                                @Nullable Instant lastRoundAt) {

    public static final PerformanceTotals NONE = of(PerformanceStats.of(new RoundSeries(List.of())));

    public static PerformanceTotals of(PerformanceStats stats) {
        return new PerformanceTotals(stats.totals(), stats.returns(), stats.firstRoundAt(), stats.lastRoundAt());
    }
}
