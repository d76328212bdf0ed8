package com.crashanalytics.domain.analytics.ruin;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What a bot's recent bets show about its staking, as the read model aggregates them: its balance now, the RTP of
 * the platform it plays, its most frequent stake and target, and for the bets that followed a win (and a loss) how
 * many went back to the most frequent stake and the median of next stake ÷ last stake.
 *
 * @param balance        the bot's balance now (its latest session's current balance); null when unknown
 * @param returnToPlayer 1 − the house edge of the platform of its latest bet
 * @param bets           the bets read
 * @param baseStake      the most frequent stake
 * @param target         the most frequent cash-out target (the target multiplier, else the cash-out of a win)
 * @param afterWin       bets that followed a win in the same session
 * @param afterWinResets of those, the ones that staked the base stake
 * @param afterWinRatio  the median stake ratio after a win (1 when none)
 * @param afterLoss      bets that followed a loss in the same session
 * @param afterLossResets of those, the ones that staked the base stake
 * @param afterLossRatio the median stake ratio after a loss (1 when none)
 */
public record ObservedStaking(@Nullable BigDecimal balance, BigDecimal returnToPlayer, long bets, BigDecimal baseStake,
                              @Nullable BigDecimal target, long afterWin, long afterWinResets, BigDecimal afterWinRatio,
                              long afterLoss, long afterLossResets, BigDecimal afterLossRatio) {

    /** The rule these bets follow (see {@link StakeChange#observed}); null without a target above 1 to replay. */
    public @Nullable StakingRule rule() {
        if (target == null || target.compareTo(BigDecimal.ONE) <= 0 || baseStake.signum() <= 0) {
            return null;
        }
        return new StakingRule(baseStake, target, StakeChange.observed(afterWin, afterWinResets, afterWinRatio),
                StakeChange.observed(afterLoss, afterLossResets, afterLossRatio), bets);
    }
}
