package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A staking rule's parameters side by side, those its system does not use null: how a replay states what it played. */
public record StakingParameters(BigDecimal baseStake, BigDecimal target, @Nullable BigDecimal factor,
                                @Nullable Integer maxSteps, @Nullable Integer winsToBank, @Nullable BigDecimal unit) {

    public static StakingParameters of(StakingRule rule) {
        if (rule instanceof MartingaleStaking martingale) {
            return new StakingParameters(rule.baseStake(), rule.target(), martingale.factor(), martingale.maxSteps(),
                    null, null);
        }
        if (rule instanceof ParoliStaking paroli) {
            return new StakingParameters(rule.baseStake(), rule.target(), null, null, paroli.winsToBank(), null);
        }
        if (rule instanceof DAlembertStaking dAlembert) {
            return new StakingParameters(rule.baseStake(), rule.target(), null, null, null, dAlembert.unit());
        }
        return new StakingParameters(rule.baseStake(), rule.target(), null, null, null, null);
    }
}
