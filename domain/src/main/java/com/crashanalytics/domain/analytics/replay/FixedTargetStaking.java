package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;

import com.crashanalytics.domain.round.RoundOutcome;

/** Same stake, same cash-out target, every round (the popular "1.33x" and "2x" bots). */
public record FixedTargetStaking(BigDecimal baseStake, BigDecimal target) implements StakingRule {

    @Override
    public BigDecimal stakeAt(int step) {
        return baseStake;
    }

    @Override
    public int stepAfter(int step, RoundOutcome outcome) {
        return FIRST_STEP;
    }
}
