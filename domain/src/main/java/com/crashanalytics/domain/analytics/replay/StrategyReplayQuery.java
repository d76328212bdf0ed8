package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.DecimalLimits;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * What to replay: a staking system with its parameters, from a starting balance, over one game and platform's
 * recorded crash points in a window, and (optionally) the strategy name whose live bots to compare with.
 * Self-validating: every broken rule is reported with the input field it concerns, nothing is read before.
 * Parameters a system does not use are ignored; those it uses and were left out take the classic values (martingale:
 * factor 2, cap 3; Paroli: 3 wins; D'Alembert: a unit of one base stake).
 */
public record StrategyReplayQuery(String game, String platform, StakingSystem system, BigDecimal baseStake,
                                  BigDecimal target, @Nullable BigDecimal factor, @Nullable Integer maxSteps,
                                  @Nullable Integer winsToBank, @Nullable BigDecimal unit, BigDecimal initialBalance,
                                  @Nullable String liveStrategy, TimeWindow window) {

    public static final BigDecimal DOUBLING = new BigDecimal("2");
    public static final int CLASSIC_CAP = 3;
    public static final int CLASSIC_WINS_TO_BANK = 3;
    /** The most crash points one replay plays: its cost is bounded, a longer history is replayed window by window. */
    public static final int MAX_CRASH_POINTS = 500_000;
    /** Past 30 doublings a stake outgrows any bankroll: a cap or a run of wins above it is a typo. */
    public static final int MAX_ESCALATION = 30;
    private static final BigDecimal LOWEST_TARGET = new BigDecimal("1.01");

    public StrategyReplayQuery {
        Violations violations = new Violations()
                .code("game", game, 50)
                .code("platform", platform, 50)
                .requiredAmount("baseStake", baseStake, DecimalLimits.MONEY)
                .requiredAmount("initialBalance", initialBalance, DecimalLimits.MONEY)
                .multiplier("target", target)
                .amount("unit", unit, DecimalLimits.MONEY)
                .multiplier("factor", factor)
                .text("liveStrategy", liveStrategy, 100);
        if (!violations.hasViolationOn("baseStake")) {
            violations.check(baseStake.signum() > 0, "baseStake", "POSITIVE", "must be above 0");
        }
        if (!violations.hasViolationOn("target")) {
            violations.check(target.compareTo(LOWEST_TARGET) >= 0, "target", "MIN_TARGET",
                    "a cash-out target is at least 1.01 (got " + target.toPlainString() + ")");
        }
        if (!violations.hasViolationOn("initialBalance") && !violations.hasViolationOn("baseStake")) {
            violations.check(initialBalance.compareTo(baseStake) >= 0, "initialBalance", "COVERS_BASE_STAKE",
                    "must be at least the base stake " + baseStake.toPlainString());
        }
        if (unit != null && !violations.hasViolationOn("unit")) {
            violations.check(unit.signum() > 0, "unit", "POSITIVE", "must be above 0");
        }
        if (factor != null && !violations.hasViolationOn("factor")) {
            violations.check(factor.compareTo(BigDecimal.ONE) > 0, "factor", "ABOVE_ONE",
                    "must be above 1 (got " + factor.toPlainString() + ")");
        }
        if (maxSteps != null) {
            violations.check(maxSteps >= 0 && maxSteps <= MAX_ESCALATION, "maxSteps", "RANGE",
                    "must be between 0 and " + MAX_ESCALATION + " (got " + maxSteps + ")");
        }
        if (winsToBank != null) {
            violations.check(winsToBank >= 1 && winsToBank <= MAX_ESCALATION, "winsToBank", "RANGE",
                    "must be between 1 and " + MAX_ESCALATION + " (got " + winsToBank + ")");
        }
        violations.throwIfAny();
    }

    /** Refuses a window that holds more than {@link #MAX_CRASH_POINTS} crash points (naming the window). */
    public void checkCrashPoints(int found) {
        new Violations().check(found <= MAX_CRASH_POINTS, "window", "TOO_MANY_CRASH_POINTS",
                "holds more than " + MAX_CRASH_POINTS + " crash points: replay a shorter window").throwIfAny();
    }

    /**
     * The rule replayed over the window's crash points as the read model gives them (whether each reached the
     * target), refusing a window of more than {@link #MAX_CRASH_POINTS}; the start time of the ruining crash point is
     * read only when there is one.
     */
    public ReplayedRun replay(StrategyReplayReadModel replays) {
        StakingRule rule = rule();
        ReachedTargets points = replays.reachedTargets(game, platform, window, rule.target(), MAX_CRASH_POINTS + 1);
        checkCrashPoints(points.count());
        return ReplayedRun.of(rule, initialBalance, points,
                position -> replays.startOfCrashPoint(game, platform, window, position));
    }

    /** The staking rule the system and its parameters make. */
    public StakingRule rule() {
        return switch (system) {
            case FIXED_TARGET -> new FixedTargetStaking(baseStake, target);
            case MARTINGALE -> new MartingaleStaking(baseStake, target, factor == null ? DOUBLING : factor,
                    maxSteps == null ? CLASSIC_CAP : maxSteps);
            case PAROLI -> new ParoliStaking(baseStake, target, winsToBank == null ? CLASSIC_WINS_TO_BANK : winsToBank);
            case DALEMBERT -> new DAlembertStaking(baseStake, target, unit == null ? baseStake : unit);
        };
    }
}
