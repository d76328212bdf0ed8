package com.crashanalytics.simulator.strategy;

import java.math.BigDecimal;
import java.util.Map;

import com.crashanalytics.domain.analytics.replay.DAlembertStaking;
import com.crashanalytics.domain.analytics.replay.StakingRule;

/**
 * D'Alembert: one unit more after a loss, one unit less after a win, never below the base stake. The step is the
 * number of units above the base stake.
 */
public record DAlembert(BigDecimal baseStake, BigDecimal target, BigDecimal unit) implements Strategy {

    public DAlembert {
        baseStake = StrategyRules.stake("baseStake", baseStake);
        target = StrategyRules.target(target);
        unit = StrategyRules.stake("unit", unit);
    }

    /** The classic form: the unit is the base stake. */
    public static DAlembert withUnitOfBaseStake(BigDecimal baseStake, BigDecimal target) {
        return new DAlembert(baseStake, target, baseStake);
    }

    @Override
    public String name() {
        return "dalembert_" + StrategyRules.spelled(target) + "x";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("baseStake", baseStake.toPlainString(), "target", target.toPlainString(),
                "unit", unit.toPlainString());
    }

    @Override
    public StakingRule staking() {
        return new DAlembertStaking(baseStake, target, unit);
    }
}
