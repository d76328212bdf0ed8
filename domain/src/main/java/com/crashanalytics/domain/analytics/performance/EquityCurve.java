package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;

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
 * {@code ORDER BY peak − level DESC, round_start_timestamp, id} with a positive drawdown.
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
        BigDecimal level = startingCapital == null ? BigDecimal.ZERO : startingCapital;
        BigDecimal peak = level;
        Instant peakAt = null;
        BigDecimal worstAmount = BigDecimal.ZERO;
        Drawdown worst = null;
        for (RoundResult round : series.rounds()) {
            level = level.add(round.profitLoss());
            if (level.compareTo(peak) >= 0) {
                // ≥, not >: back at the peak, a later fall starts from here, not from the earlier visit.
                peak = level;
                peakAt = round.startedAt();
            }
            BigDecimal fall = peak.subtract(level);
            if (fall.compareTo(worstAmount) > 0) {
                worstAmount = fall;
                worst = Drawdown.of(fall, moneyBase(startingCapital, peak), peakAt, round.startedAt());
            }
        }
        BigDecimal base = moneyBase(startingCapital, peak);
        Drawdown current = peak.compareTo(level) == 0
                ? Drawdown.none(base)
                : Drawdown.of(peak.subtract(level), base, peakAt, lastRound(series).startedAt());
        return new EquityCurve(startingCapital, worst == null ? Drawdown.none(base) : worst, current, level, peak);
    }

    private static RoundResult lastRound(RoundSeries series) {
        return series.rounds().get(series.rounds().size() - 1);
    }

    /** The money level a percentage is taken of: only when the curve stands on a known capital. */
    private static @Nullable BigDecimal moneyBase(@Nullable BigDecimal startingCapital, BigDecimal peak) {
        return startingCapital == null ? null : peak;
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
