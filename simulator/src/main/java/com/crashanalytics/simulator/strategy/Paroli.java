package com.crashanalytics.simulator.strategy;

import java.math.BigDecimal;
import java.util.Map;

import com.crashanalytics.domain.analytics.replay.ParoliStaking;
import com.crashanalytics.domain.analytics.replay.StakingRule;

/**
 * Paroli (anti-martingale): double the stake after each win, go back to the base stake after a loss or once
 * {@code winsToBank} wins in a row have been collected. With 3 wins the stakes are 1, 2, 4 units, then 1 again.
 */
public record Paroli(BigDecimal baseStake, BigDecimal target, int winsToBank) implements Strategy {

    public Paroli {
        baseStake = StrategyRules.stake("baseStake", baseStake);
        target = StrategyRules.target(target);
        StrategyRules.atLeast("winsToBank", winsToBank, 1);
    }

    @Override
    public String name() {
        return "paroli_" + StrategyRules.spelled(target) + "x_" + winsToBank + "wins";
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("baseStake", baseStake.toPlainString(), "target", target.toPlainString(),
                "winsToBank", Integer.toString(winsToBank));
    }

    @Override
    public StakingRule staking() {
        return new ParoliStaking(baseStake, target, winsToBank);
    }
}
