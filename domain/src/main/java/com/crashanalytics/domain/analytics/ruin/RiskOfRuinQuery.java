package com.crashanalytics.domain.analytics.ruin;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A risk-of-ruin request, self-validating: the horizon {@code rounds} (1 to {@value #MAX_ROUNDS}), the runs of a
 * simulation (1 to {@value #MAX_SIMULATIONS}; fewer are run when rounds × runs would exceed
 * {@link RiskOfRuin#MAX_SIMULATED_BETS}) and its seed.
 */
public record RiskOfRuinQuery(String botId, int rounds, int simulations, long seed) {

    public static final int MAX_ROUNDS = 10_000;
    public static final int MAX_SIMULATIONS = 100_000;
    /** How many of the bot's latest bets its staking rule is read from. */
    public static final int OBSERVED_BETS = 10_000;

    public RiskOfRuinQuery {
        new Violations()
                .check(rounds >= 1 && rounds <= MAX_ROUNDS, "rounds", "RANGE",
                        "must be between 1 and " + MAX_ROUNDS + " (got " + rounds + ")")
                .check(simulations >= 1 && simulations <= MAX_SIMULATIONS, "simulations", "RANGE",
                        "must be between 1 and " + MAX_SIMULATIONS + " (got " + simulations + ")")
                .throwIfAny();
    }

    /** The risk for the bot's observed staking; null when it has no bet, no known balance or no target above 1. */
    public @Nullable RiskOfRuin answer(StakingReadModel staking) {
        return staking.observe(botId, OBSERVED_BETS)
                .filter(observed -> observed.balance() != null && observed.rule() != null)
                .map(observed -> RiskOfRuin.of(observed.balance(), observed.rule(), observed.returnToPlayer(), rounds,
                        simulations, seed))
                .orElse(null);
    }
}
