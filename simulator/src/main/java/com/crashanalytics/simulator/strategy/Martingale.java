package com.crashanalytics.simulator.strategy;

import java.math.BigDecimal;
import java.util.Map;

import com.crashanalytics.domain.analytics.replay.MartingaleStaking;
import com.crashanalytics.domain.analytics.replay.StakingRule;

/**
 * Martingale ("gale" recovery): after a loss multiply the stake by {@code factor} (2: double), after a win go back
 * to the base stake. {@code maxSteps} caps the escalation: a loss at step {@code maxSteps} accepts the loss and
 * resets to the base stake instead of escalating again. With cap 3 the stakes are 1, 2, 4, 8 units.
 */
public record Martingale(BigDecimal baseStake, BigDecimal target, BigDecimal factor, int maxSteps) implements Strategy {

    public static final BigDecimal DOUBLE = new BigDecimal("2");

    public Martingale {
        baseStake = StrategyRules.stake("baseStake", baseStake);
        target = StrategyRules.target(target);
        if (factor.compareTo(BigDecimal.ONE) <= 0) {
            throw new IllegalArgumentException("factor must be above 1, got " + factor.toPlainString());
        }
        StrategyRules.atLeast("maxSteps", maxSteps, 0);
    }

    /** Doubling after each loss. */
    public static Martingale doubling(BigDecimal baseStake, BigDecimal target, int maxSteps) {
        return new Martingale(baseStake, target, DOUBLE, maxSteps);
    }

    @Override
    public String name() {
        String factorPart = factor.compareTo(DOUBLE) == 0 ? "" : "_x" + StrategyRules.spelled(factor);
        return "martingale_" + StrategyRules.spelled(target) + "x" + factorPart + "_cap" + maxSteps;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("baseStake", baseStake.toPlainString(), "target", target.toPlainString(),
                "factor", factor.toPlainString(), "maxSteps", Integer.toString(maxSteps));
    }

    @Override
    public StakingRule staking() {
        return new MartingaleStaking(baseStake, target, factor, maxSteps);
    }
}
