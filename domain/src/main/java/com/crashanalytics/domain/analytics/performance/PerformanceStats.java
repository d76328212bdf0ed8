package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a bot, a session, a strategy or a game/platform performed over a series of rounds: the dashboard's
 * performance panel. Each part carries its own definitions:
 * <ul>
 *   <li>{@link RoundTotals}: rounds, wins, losses, skips, errors, win rate, total staked, total P/L, ROI %, average
 *       P/L per round, gross win and loss, profit factor, expectancy, largest and average win and loss;</li>
 *   <li>{@link ReturnRatios}: Sharpe and Sortino of the per-round returns;</li>
 *   <li>{@link EquityCurve}: max and current drawdown, absolute and % of the peak, with their times;</li>
 *   <li>{@link Streaks}: the longest win and loss streaks;</li>
 *   <li>{@link EquityReturns}: Sharpe and Sortino of the returns on equity, per round and per day, the time-weighted
 *       return and the drawdowns of the equity in percent of its peak.</li>
 * </ul>
 *
 * @param totals          counts, money sums and the ratios of them
 * @param returns         Sharpe and Sortino
 * @param streaks         longest win and loss streaks
 * @param startingCapital the capital C the equity curve starts from; null when unknown (drawdown % then null)
 * @param maxDrawdown     the largest fall of the equity curve
 * @param currentDrawdown the fall from the peak to the level after the last round
 * @param firstRoundAt    the start time of the first round; null for an empty series
 * @param lastRoundAt     the start time of the last round; null for an empty series
 * @param equity          the returns on each session's equity
 */
public record PerformanceStats(
        RoundTotals totals,
        ReturnRatios returns,
        Streaks streaks,
        @Nullable BigDecimal startingCapital,
        Drawdown maxDrawdown,
        Drawdown currentDrawdown,
        @Nullable Instant firstRoundAt,
        @Nullable Instant lastRoundAt,
        EquityReturns equity) {

    /** The performance of a series that started with {@code startingCapital} (null: unknown), sessions' equity unknown. */
    public static PerformanceStats of(RoundSeries series, @Nullable BigDecimal startingCapital) {
        return of(series, startingCapital, Map.of(), List.of());
    }

    /**
     * The performance of a series that started with {@code startingCapital} (null: unknown), its sessions standing on
     * {@code sessionEquityAtStart} and moved by capital {@code flows} (see {@link EquityReturns#of}).
     */
    public static PerformanceStats of(RoundSeries series, @Nullable BigDecimal startingCapital,
                                      Map<String, BigDecimal> sessionEquityAtStart, List<CapitalFlow> flows) {
        EquityCurve curve = EquityCurve.of(series, startingCapital);
        boolean empty = series.isEmpty();
        return new PerformanceStats(
                RoundTotals.of(series.rounds()),
                ReturnRatios.of(series),
                Streaks.of(series),
                startingCapital,
                curve.maxDrawdown(),
                curve.currentDrawdown(),
                empty ? null : series.rounds().get(0).startedAt(),
                empty ? null : series.rounds().get(series.rounds().size() - 1).startedAt(),
                EquityReturns.of(series, sessionEquityAtStart, flows));
    }

    /** The performance of a series whose starting capital is implied by the balances its bots reported. */
    public static PerformanceStats of(RoundSeries series) {
        return of(series, series.impliedStartingCapital());
    }
}
