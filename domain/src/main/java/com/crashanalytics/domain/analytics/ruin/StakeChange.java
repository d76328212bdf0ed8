package com.crashanalytics.domain.analytics.ruin;

import java.math.BigDecimal;

/**
 * What a staking rule does to the stake after a bet's outcome: back to the base stake ({@link #reset()}), or the
 * last stake times a factor ({@link #times(BigDecimal)}; a martingale doubles after a loss, a Paroli after a win).
 *
 * @param resets whether the next stake is the base stake
 * @param factor the next stake over the last one when it does not reset (1 when it resets)
 */
public record StakeChange(boolean resets, BigDecimal factor) {

    public StakeChange {
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("a stake factor is positive (got " + factor.toPlainString() + ")");
        }
    }

    public static StakeChange reset() {
        return new StakeChange(true, BigDecimal.ONE);
    }

    public static StakeChange times(BigDecimal factor) {
        return new StakeChange(false, factor);
    }

    /**
     * The change a bot's bets show: of the {@code transitions} bets that followed an outcome, {@code resets} went back
     * to the base stake; the others' stake over the previous one had the median {@code medianRatio}. A reset when at
     * least half reset, or when nothing was observed (no evidence that the stake moves).
     */
    public static StakeChange observed(long transitions, long resets, BigDecimal medianRatio) {
        return transitions == 0 || 2 * resets >= transitions || medianRatio.signum() <= 0 ? reset() : times(medianRatio);
    }

    /** Whether this change keeps a base stake where it is: a reset, or a factor of exactly 1. */
    boolean keepsTheBaseStake() {
        return resets || factor.compareTo(BigDecimal.ONE) == 0;
    }
}
