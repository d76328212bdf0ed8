package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * A fall of the equity curve from a peak (see {@link EquityCurve} for the curve, the peak and the base).
 *
 * @param amount        peak level − level at the trough, ≥ 0
 * @param percentOfPeak amount × 100 / peak level, to 4 decimals; null when the curve has no money base (starting
 *                      capital unknown) or the peak level is not positive. 100 means bust; above 100 only when the
 *                      P/L lost more than the capital (money added without being logged)
 * @param peakAt        the start time of the latest round, at or before the trough, whose level equals the peak;
 *                      null when the peak is the starting level before the first round, or when amount is 0
 * @param troughAt      the start time of the round at the trough; null when amount is 0
 */
public record Drawdown(
        BigDecimal amount,
        @Nullable BigDecimal percentOfPeak,
        @Nullable Instant peakAt,
        @Nullable Instant troughAt) {

    /** No fall at all, from a peak at {@code peakLevel} (null when the curve has no money base). */
    public static Drawdown none(@Nullable BigDecimal peakLevel) {
        return of(BigDecimal.ZERO, peakLevel, null, null);
    }

    /** A fall of {@code amount} from a peak at {@code peakLevel} (null: no money base), with its times. */
    public static Drawdown of(BigDecimal amount, @Nullable BigDecimal peakLevel, @Nullable Instant peakAt,
                       @Nullable Instant troughAt) {
        BigDecimal percent = peakLevel == null || peakLevel.signum() <= 0 ? null : Ratios.percent(amount, peakLevel);
        return new Drawdown(amount, percent, peakAt, troughAt);
    }

    public boolean isNone() {
        return amount.signum() == 0;
    }
}
