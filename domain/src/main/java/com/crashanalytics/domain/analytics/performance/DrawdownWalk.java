package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The walk along an equity curve that finds its drawdowns, one round at a time (see {@link EquityCurve} for the
 * definitions). It walks the cumulative P/L from 0 rather than the level C + P/L: peaks and falls do not move when
 * the whole curve is lifted by C, so the capital may be learnt after the walk (as when it is implied by balances met
 * along the way) and is needed only for the percentages.
 * <p>
 * Holds a handful of numbers whatever the length of the curve, so a caller can stream rounds into it.
 */
public final class DrawdownWalk {

    private BigDecimal cumulative = BigDecimal.ZERO;
    private BigDecimal peak = BigDecimal.ZERO;
    private @Nullable Instant peakAt;
    private BigDecimal worstFall = BigDecimal.ZERO;
    private BigDecimal worstFallPeak = BigDecimal.ZERO;
    private @Nullable Instant worstFallPeakAt;
    private @Nullable Instant worstFallAt;
    private @Nullable Instant lastAt;

    /** The next round of the curve (rounds in start-time order, ties in the order of their ids). */
    public void add(Instant startedAt, BigDecimal profitLoss) {
        cumulative = cumulative.add(profitLoss);
        if (cumulative.compareTo(peak) >= 0) {
            // ≥, not >: back at the peak, a later fall starts from here, not from the earlier visit.
            peak = cumulative;
            peakAt = startedAt;
        }
        BigDecimal fall = peak.subtract(cumulative);
        if (fall.compareTo(worstFall) > 0) {
            // >, not ≥: the earliest trough of the largest fall.
            worstFall = fall;
            worstFallPeak = peak;
            worstFallPeakAt = peakAt;
            worstFallAt = startedAt;
        }
        lastAt = startedAt;
    }

    /** The largest fall, its percentage of the peak standing on {@code startingCapital} (null: unknown). */
    public Drawdown maxDrawdown(@Nullable BigDecimal startingCapital) {
        return worstFall.signum() == 0 ? Drawdown.none(level(startingCapital, peak))
                : Drawdown.of(worstFall, level(startingCapital, worstFallPeak), worstFallPeakAt, worstFallAt);
    }

    /** The fall after the last round, its percentage of the peak standing on {@code startingCapital} (null: unknown). */
    public Drawdown currentDrawdown(@Nullable BigDecimal startingCapital) {
        BigDecimal fall = peak.subtract(cumulative);
        return fall.signum() == 0 ? Drawdown.none(level(startingCapital, peak))
                : Drawdown.of(fall, level(startingCapital, peak), peakAt, lastAt);
    }

    /** The P/L of the rounds walked so far. */
    public BigDecimal cumulativeProfitLoss() {
        return cumulative;
    }

    /** The highest cumulative P/L so far, 0 (the start) included. */
    public BigDecimal peakProfitLoss() {
        return peak;
    }

    /** A level of the curve in money, C + a cumulative P/L; null when C is unknown (no money base for a %). */
    private static @Nullable BigDecimal level(@Nullable BigDecimal startingCapital, BigDecimal cumulative) {
        return startingCapital == null ? null : startingCapital.add(cumulative);
    }
}
