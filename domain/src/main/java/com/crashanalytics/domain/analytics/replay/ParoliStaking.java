package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;

import com.crashanalytics.domain.round.RoundOutcome;

/**
 * Paroli (anti-martingale): double the stake after each win, go back to the base stake after a loss or once
 * {@code winsToBank} wins in a row have been collected. With 3 wins the stakes are 1, 2, 4 units, then 1 again.
 */
public record ParoliStaking(BigDecimal baseStake, BigDecimal target, int winsToBank) implements StakingRule {

    @Override
    public BigDecimal stakeAt(int step) {
        return baseStake.multiply(BigDecimal.valueOf(1L << step));
    }

    @Override
    public int stepAfter(int step, RoundOutcome outcome) {
        return switch (outcome) {
            case WIN -> step + 1 < winsToBank ? step + 1 : FIRST_STEP;
            case LOSS -> FIRST_STEP;
            case SKIP, ERROR -> step;
        };
    }
}
