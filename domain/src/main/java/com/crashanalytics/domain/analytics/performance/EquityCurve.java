package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The equity curve of a series and its drawdowns.
 * <p>
 * <b>Level.</b> The curve is built from P/L, the figure the gateway validates, never from the balances bots read
 * off the screen: L₀ = C before the first round and Lᵢ = C + Σ_{j≤i} P/Lⱼ after round i, where C is the starting
 * capital (a session's initial balance, or {@link RoundSeries#impliedStartingCapital()}). With C unknown the curve
 * is the cumulative P/L from 0: drawdown amounts are the same (they do not depend on C), percentages are null.
 * <p>
 * <b>Peak.</b> Pᵢ = max(L₀, L₁, …, Lᵢ): the starting level counts, so a series that opens with losses is in
 * drawdown from its start. The drawdown after round i is Dᵢ = Pᵢ − Lᵢ.
 * <p>
 * <b>Max drawdown</b>: the largest Dᵢ in money (as Freqtrade picks it), the earliest trough on ties; its percentage
 * is that amount relative to its own peak, which may not be the largest percentage fall of the series.
 * <b>Current drawdown</b>: D after the last round, the last round being its trough.
 * <p>
 * SQL: {@code level = C + sum(pl) OVER w}, {@code peak = greatest(C, max(level) OVER w)} with
 * {@code w = (ORDER BY round_start_timestamp, id ROWS UNBOUNDED PRECEDING)}; the max drawdown is the first row of
 * {@code ORDER BY peak − level DESC, round_start_timestamp, id} with a positive drawdown. The walk itself is
 * {@link DrawdownWalk}'s, which a caller may also feed from a stream of rounds.
 */
public final class EquityCurve {

    private final @Nullable BigDecimal startingCapital;
    private final Drawdown maxDrawdown;
    private final Drawdown currentDrawdown;
    private final BigDecimal finalLevel;
    private final BigDecimal peakLevel;

    private EquityCurve(@Nullable BigDecimal startingCapital, Drawdown maxDrawdown, Drawdown currentDrawdown,
                        BigDecimal finalLevel, BigDecimal peakLevel) {
        this.startingCapital = startingCapital;
        this.maxDrawdown = maxDrawdown;
        this.currentDrawdown = currentDrawdown;
        this.finalLevel = finalLevel;
        this.peakLevel = peakLevel;
    }

    /** The curve of a series that started with {@code startingCapital} (null: unknown). */
    public static EquityCurve of(RoundSeries series, @Nullable BigDecimal startingCapital) {
        DrawdownWalk walk = new DrawdownWalk();
        for (RoundResult round : series.rounds()) {
            walk.add(round.startedAt(), round.profitLoss());
        }
        BigDecimal start = startingCapital == null ? BigDecimal.ZERO : startingCapital;
        return new EquityCurve(startingCapital, walk.maxDrawdown(startingCapital), walk.currentDrawdown(startingCapital),
                start.add(walk.cumulativeProfitLoss()), start.add(walk.peakProfitLoss()));
    }

    public @Nullable BigDecimal startingCapital() {
        return startingCapital;
    }

    public Drawdown maxDrawdown() {
        return maxDrawdown;
    }

    public Drawdown currentDrawdown() {
        return currentDrawdown;
    }

    /** L after the last round: C + total P/L (or the total P/L when C is unknown). */
    public BigDecimal finalLevel() {
        return finalLevel;
    }

    /** The highest level reached, the starting level included. */
    public BigDecimal peakLevel() {
        return peakLevel;
    }
}
