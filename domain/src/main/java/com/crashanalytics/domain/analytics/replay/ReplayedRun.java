package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

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

    /** The rule played over the crashes, in their order, from the initial balance. */
    public static ReplayedRun of(StakingRule rule, BigDecimal initialBalance, List<RecordedCrash> crashes) {
        Player player = new Player(rule, initialBalance);
        crashes.forEach(player::play);
        return player.result(crashes.size());
    }

    /**
     * The rule played over a window's crash points as reached/not reached bits, from the initial balance:
     * in integer units of money (fast), or with decimals when an amount outgrows them (the same figures either way).
     * {@code startOfPoint} gives the start time of a crash point by its position, asked only for the one that ruined it.
     */
    public static ReplayedRun of(StakingRule rule, BigDecimal initialBalance, ReachedTargets points,
                                 IntFunction<Instant> startOfPoint) {
        Figures figures;
        int ruinedAfter;
        try {
            ReplayInUnits replay = new ReplayInUnits(rule, initialBalance).play(points);
            figures = replay.figures();
            ruinedAfter = replay.ruinedAfterPoint();
        } catch (ArithmeticException beyondLongUnits) {
            Player player = new Player(rule, initialBalance);
            ruinedAfter = -1;
            for (int point = 0; point < points.count() && !player.ruined; point++) {
                if (player.bet(points.reached(point))) {
                    ruinedAfter = point;
                }
            }
            figures = player.figures();
        }
        return figures.run(points.count(), ruinedAfter < 0 ? null : startOfPoint.apply(ruinedAfter));
    }

    /** What a replay worked out, before the start time of its ruin is looked up. */
    record Figures(int rounds, int wins, BigDecimal staked, BigDecimal initialBalance, BigDecimal balance,
                   BigDecimal largestStake, BigDecimal maxDrawdown, BigDecimal peakOfMaxDrawdown, boolean ruined) {

        ReplayedRun run(int crashPoints, @Nullable Instant ruinedAt) {
            BigDecimal profitLoss = balance.subtract(initialBalance);
            BigDecimal maxDrawdownPercent = maxDrawdown.signum() == 0 ? BigDecimal.ZERO
                    : Objects.requireNonNull(Ratios.percent(maxDrawdown, peakOfMaxDrawdown)); // the peak is above 0
            return new ReplayedRun(crashPoints, rounds, wins, rounds - wins, staked, profitLoss, initialBalance,
                    balance, Ratios.percent(profitLoss, staked), largestStake, maxDrawdown, maxDrawdownPercent, ruined,
                    ruinedAt);
        }
    }

    /**
     * The replay as it goes, one crash point at a time, so the crash points can stream past without being held: play
     * them in order, then take the {@link #result}. Crash points after the ruin are not bet on.
     */
    public static final class Player {

        private final StakingRule rule;
        private final BigDecimal initialBalance;
        private final BigDecimal winPerUnit;
        private BigDecimal balance;
        private BigDecimal peak;
        private BigDecimal staked = BigDecimal.ZERO;
        private BigDecimal largestStake = BigDecimal.ZERO;
        private BigDecimal maxDrawdown = BigDecimal.ZERO;
        private BigDecimal peakOfMaxDrawdown = BigDecimal.ZERO;
        private int step = StakingRule.FIRST_STEP;
        private int rounds;
        private int wins;
        private boolean ruined;
        private @Nullable Instant ruinedAt;

        public Player(StakingRule rule, BigDecimal initialBalance) {
            this.rule = rule;
            this.initialBalance = initialBalance;
            this.winPerUnit = rule.target().subtract(BigDecimal.ONE);
            this.balance = initialBalance;
            this.peak = initialBalance;
            this.ruined = initialBalance.compareTo(rule.baseStake()) < 0;
        }

        /** Bets on the next crash point, as the rule asks; nothing once ruined. */
        public void play(RecordedCrash crash) {
            if (!ruined && bet(crash.multiplier().compareTo(rule.target()) >= 0)) {
                ruinedAt = crash.startedAt();
            }
        }

        /** One bet that reached the target or not; answers whether it ruined the player. */
        private boolean bet(boolean won) {
            BigDecimal stake = rule.stakeAt(step).min(balance);
            balance = balance.add(won ? StakingRule.truncated(stake.multiply(winPerUnit)) : stake.negate());
            staked = staked.add(stake);
            largestStake = largestStake.max(stake);
            rounds++;
            wins += won ? 1 : 0;
            peak = peak.max(balance);
            BigDecimal drawdown = peak.subtract(balance);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                maxDrawdown = drawdown;
                peakOfMaxDrawdown = peak;
            }
            step = rule.stepAfter(step, won ? RoundOutcome.WIN : RoundOutcome.LOSS);
            ruined = balance.compareTo(rule.baseStake()) < 0;
            return ruined;
        }

        private Figures figures() {
            return new Figures(rounds, wins, staked, initialBalance, balance, largestStake, maxDrawdown,
                    peakOfMaxDrawdown, ruined);
        }

        /** The run so far, over {@code crashPoints} crash points offered. */
        public ReplayedRun result(int crashPoints) {
            return figures().run(crashPoints, ruinedAt);
        }
    }
}
