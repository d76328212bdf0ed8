package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.crashanalytics.domain.common.Ratios;
import com.crashanalytics.domain.round.RoundOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A staking rule played bet by bet over recorded crash points, from a starting balance: each round it stakes what the
 * rule asks (cut down to the balance), wins {@code stake × (target − 1)} (cut to 8 decimals) when the crash came at
 * or after the target and loses the stake otherwise, as the games pay. It stops, ruined, after the round that leaves
 * the balance below the base stake: the rule's smallest bet can no longer be placed.
 *
 * @param crashPoints        recorded crash points available in the window
 * @param rounds             rounds bet on: all of them, or up to and including the round that ruined it
 * @param maxDrawdown        the largest fall of the balance from its running peak (the starting balance included)
 * @param maxDrawdownPercent that fall × 100 / the peak it fell from, 4 decimals; never above 100
 * @param ruinedAt           start time of the round after which the balance fell below the base stake; null: never
 */
public record ReplayedRun(int crashPoints, int rounds, int wins, int losses, BigDecimal totalStaked,
                          BigDecimal profitLoss, BigDecimal initialBalance, BigDecimal finalBalance,
                          @Nullable BigDecimal roiPercent, BigDecimal largestStake, BigDecimal maxDrawdown,
                          BigDecimal maxDrawdownPercent, boolean ruined, @Nullable Instant ruinedAt) {

    public static ReplayedRun of(StakingRule rule, BigDecimal initialBalance, List<RecordedCrash> crashes) {
        BigDecimal balance = initialBalance;
        BigDecimal peak = initialBalance;
        BigDecimal staked = BigDecimal.ZERO;
        BigDecimal largestStake = BigDecimal.ZERO;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        BigDecimal maxDrawdownPercent = BigDecimal.ZERO;
        BigDecimal winPerUnit = rule.target().subtract(BigDecimal.ONE);
        int step = StakingRule.FIRST_STEP;
        int rounds = 0;
        int wins = 0;
        Instant ruinedAt = null;
        if (balance.compareTo(rule.baseStake()) < 0) {
            return new ReplayedRun(crashes.size(), 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, initialBalance,
                    initialBalance, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true, null);
        }
        for (RecordedCrash crash : crashes) {
            BigDecimal stake = rule.stakeAt(step).min(balance);
            boolean won = crash.multiplier().compareTo(rule.target()) >= 0;
            balance = balance.add(won ? StakingRule.truncated(stake.multiply(winPerUnit)) : stake.negate());
            staked = staked.add(stake);
            largestStake = largestStake.max(stake);
            rounds++;
            wins += won ? 1 : 0;
            peak = peak.max(balance);
            BigDecimal drawdown = peak.subtract(balance);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                maxDrawdown = drawdown;
                maxDrawdownPercent = Objects.requireNonNull(Ratios.percent(drawdown, peak)); // the peak is above 0
            }
            step = rule.stepAfter(step, won ? RoundOutcome.WIN : RoundOutcome.LOSS);
            if (balance.compareTo(rule.baseStake()) < 0) {
                ruinedAt = crash.startedAt();
                break;
            }
        }
        BigDecimal profitLoss = balance.subtract(initialBalance);
        return new ReplayedRun(crashes.size(), rounds, wins, rounds - wins, staked, profitLoss, initialBalance, balance,
                Ratios.percent(profitLoss, staked), largestStake, maxDrawdown, maxDrawdownPercent, ruinedAt != null,
                ruinedAt);
    }
}
