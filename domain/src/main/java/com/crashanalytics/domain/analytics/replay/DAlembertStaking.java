package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;

import com.crashanalytics.domain.round.RoundOutcome;

/**
 * D'Alembert: one unit more after a loss, one unit less after a win, never below the base stake. The step is the
 * number of units above the base stake.
 */
public record DAlembertStaking(BigDecimal baseStake, BigDecimal target, BigDecimal unit) implements StakingRule {

    @Override
    public BigDecimal stakeAt(int step) {
        return StakingRule.truncated(baseStake.add(unit.multiply(BigDecimal.valueOf(step))));
    }

    @Override
    public int stepAfter(int step, RoundOutcome outcome) {
        return switch (outcome) {
            case LOSS -> step + 1;
            case WIN -> Math.max(FIRST_STEP, step - 1);
            case SKIP, ERROR -> step;
        };
    }
}
