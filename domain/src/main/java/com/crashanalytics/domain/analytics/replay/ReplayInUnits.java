package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.util.Arrays;

import com.crashanalytics.domain.round.RoundOutcome;

/**
 * The replay of {@link ReplayedRun.Player} in whole units of 10⁻⁸ (the money scale) held in {@code long}s: the same
 * bets, the same truncation, the same figures, without a {@link BigDecimal} per round, which made a replay of half a
 * million crash points take most of a second. Exact: every amount of the replay is a multiple of 10⁻⁸ (stakes are
 * cut to 8 decimals, wins too, balances have at most 8), so integer arithmetic on units is the decimal arithmetic.
 * An amount beyond a {@code long} (about 92 billion) or a stake with more decimals throws {@link ArithmeticException}:
 * the caller replays with the decimal player instead.
 */
final class ReplayInUnits {

    private static final int SCALE = StakingRule.MONEY_SCALE;

    private final StakingRule rule;
    private final long initialBalance;
    private final long baseStake;
    /** target − 1 as an unscaled integer and the power of ten it is scaled by. */
    private final long winPerUnitUnscaled;
    private final long winPerUnitDivisor;
    private long[] stakeByStep = new long[8];
    private int stepsKnown;
    private long balance;
    private long peak;
    private long staked;
    private long largestStake;
    private long maxDrawdown;
    private long peakOfMaxDrawdown;
    private int step = StakingRule.FIRST_STEP;
    private int rounds;
    private int wins;
    private boolean ruined;
    private int ruinedAfterPoint = -1;

    ReplayInUnits(StakingRule rule, BigDecimal initialBalance) {
        this.rule = rule;
        this.initialBalance = units(initialBalance);
        this.baseStake = units(rule.baseStake());
        BigDecimal winPerUnit = rule.target().subtract(BigDecimal.ONE);
        if (winPerUnit.scale() < 0 || winPerUnit.scale() > 18) {
            throw new ArithmeticException("cash-out target outside the integer replay: " + rule.target());
        }
        this.winPerUnitUnscaled = winPerUnit.unscaledValue().longValueExact();
        this.winPerUnitDivisor = BigDecimal.ONE.movePointRight(winPerUnit.scale()).longValueExact();
        this.balance = this.initialBalance;
        this.peak = this.initialBalance;
        this.ruined = this.initialBalance < baseStake;
    }

    /** Plays the crash points in order until the last or the ruin. */
    ReplayInUnits play(ReachedTargets points) {
        for (int point = 0; point < points.count() && !ruined; point++) {
            play(points.reached(point), point);
        }
        return this;
    }

    private void play(boolean won, int point) {
        long stake = Math.min(stakeAt(step), balance);
        balance = won ? Math.addExact(balance, Math.multiplyExact(stake, winPerUnitUnscaled) / winPerUnitDivisor)
                : balance - stake;
        staked = Math.addExact(staked, stake);
        largestStake = Math.max(largestStake, stake);
        rounds++;
        wins += won ? 1 : 0;
        peak = Math.max(peak, balance);
        long drawdown = peak - balance;
        if (drawdown > maxDrawdown) {
            maxDrawdown = drawdown;
            peakOfMaxDrawdown = peak;
        }
        step = rule.stepAfter(step, won ? RoundOutcome.WIN : RoundOutcome.LOSS);
        if (balance < baseStake) {
            ruined = true;
            ruinedAfterPoint = point;
        }
    }

    /** The rule's stake at a step, in units, worked out once per step from the rule's decimal stake. */
    private long stakeAt(int at) {
        while (stepsKnown <= at) {
            if (stepsKnown == stakeByStep.length) {
                stakeByStep = Arrays.copyOf(stakeByStep, stakeByStep.length * 2);
            }
            stakeByStep[stepsKnown] = units(rule.stakeAt(stepsKnown));
            stepsKnown++;
        }
        return stakeByStep[at];
    }

    /** The crash point (from 0) after which the balance fell below the base stake; -1 when it never did. */
    int ruinedAfterPoint() {
        return ruinedAfterPoint;
    }

    ReplayedRun.Figures figures() {
        return new ReplayedRun.Figures(rounds, wins, decimal(staked), decimal(initialBalance), decimal(balance),
                decimal(largestStake), decimal(maxDrawdown), decimal(peakOfMaxDrawdown), ruined);
    }

    private static long units(BigDecimal amount) {
        return amount.setScale(SCALE).unscaledValue().longValueExact(); // throws beyond 8 decimals or a long
    }

    private static BigDecimal decimal(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }
}
