package com.crashanalytics.domain.analytics.ruin;

import java.math.BigDecimal;

/**
 * A staking rule as observed in a bot's bets: it cashes out at {@code target}, starts at {@code baseStake}, and moves
 * the stake after a win and after a loss. Fixed stake: both changes reset. Martingale: doubles after a loss, resets
 * after a win. Paroli: doubles after a win, resets after a loss.
 *
 * @param baseStake the stake the rule starts from (the bot's most frequent stake)
 * @param target    the cash-out multiplier (the bot's most frequent target), above 1
 * @param afterWin  what a win does to the stake
 * @param afterLoss what a loss does to the stake
 * @param observedBets how many of the bot's bets the rule was read from
 */
public record StakingRule(BigDecimal baseStake, BigDecimal target, StakeChange afterWin, StakeChange afterLoss,
                          long observedBets) {

    public StakingRule {
        if (baseStake.signum() <= 0) {
            throw new IllegalArgumentException("a base stake is positive (got " + baseStake.toPlainString() + ")");
        }
        if (target.compareTo(BigDecimal.ONE) <= 0) {
            throw new IllegalArgumentException("a cash-out target is above 1 (got " + target.toPlainString() + ")");
        }
    }

    /** Whether every bet stakes the base stake: then the balance is a binomial walk and ruin has an exact answer. */
    public boolean keepsOneStake() {
        return afterWin.keepsTheBaseStake() && afterLoss.keepsTheBaseStake();
    }

    /** The name of the rule's family, for people: FIXED, MARTINGALE, PAROLI or CUSTOM. */
    public String family() {
        if (keepsOneStake()) {
            return "FIXED";
        }
        boolean doublesAfterLoss = !afterLoss.resets() && afterLoss.factor().compareTo(BigDecimal.ONE) > 0;
        boolean doublesAfterWin = !afterWin.resets() && afterWin.factor().compareTo(BigDecimal.ONE) > 0;
        if (doublesAfterLoss && afterWin.resets()) {
            return "MARTINGALE";
        }
        if (doublesAfterWin && afterLoss.resets()) {
            return "PAROLI";
        }
        return "CUSTOM";
    }
}
