package com.crashanalytics.simulator.strategy;

import java.math.BigDecimal;
import java.util.Map;

import com.crashanalytics.domain.analytics.replay.FixedTargetStaking;
import com.crashanalytics.domain.analytics.replay.StakingRule;

/** Same stake, same cash-out target, every round (e.g. the popular "1.33x" and "2x" bots). */
public record FixedTarget(BigDecimal baseStake, BigDecimal target) implements Strategy {

    public FixedTarget {
        baseStake = StrategyRules.stake("baseStake", baseStake);
        target = StrategyRules.target(target);
    }

    @Override
    public String name() {
        return "fixed_" + StrategyRules.spelled(target) + "x";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("baseStake", baseStake.toPlainString(), "target", target.toPlainString());
    }

    @Override
    public StakingRule staking() {
        return new FixedTargetStaking(baseStake, target);
    }
}
