package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;

import com.crashanalytics.domain.round.RoundOutcome;

/**
 * Martingale ("gale" recovery): after a loss multiply the stake by {@code factor} (2: double), after a win go back to
 * the base stake. {@code maxSteps} caps the escalation: a loss at step {@code maxSteps} accepts the loss and resets to
 * the base stake instead of escalating again. With cap 3 the stakes are 1, 2, 4, 8 units.
 */
public record MartingaleStaking(BigDecimal baseStake, BigDecimal target, BigDecimal factor, int maxSteps)
        implements StakingRule {

    @Override
    public BigDecimal stakeAt(int step) {
        return StakingRule.truncated(baseStake.multiply(factor.pow(step)));
    }

    @Override
    public int stepAfter(int step, RoundOutcome outcome) {
        return switch (outcome) {
            case WIN -> FIRST_STEP;
            case LOSS -> step < maxSteps ? step + 1 : FIRST_STEP;
            case SKIP, ERROR -> step;
        };
    }
}
