package com.crashanalytics.simulator.strategy;

import java.math.BigDecimal;
import java.util.Map;

import com.crashanalytics.domain.analytics.replay.StakingRule;
import com.crashanalytics.domain.round.RoundOutcome;

/**
 * A betting system: from its step (its whole state: how far it has escalated) it decides the stake and the cash-out
 * target of the next bet, and from a round's outcome its next step. Strategies are immutable; the bot keeps the
 * step. SKIP and ERROR rounds placed no bet and leave the step where it was.
 *
 * <p>Sealed here, where the simulator needs every case; the gateway itself only ever sees {@link #name()}.
 */
public sealed interface Strategy permits FixedTarget, Martingale, Paroli, DAlembert {

    /** The step a strategy starts at, and returns to when it resets. */
    int FIRST_STEP = StakingRule.FIRST_STEP;

    /** The name a bot registers with, parameters included, e.g. {@code martingale_2x_cap3}. */
    String name();

    /** The parameters behind the name, for metadata. */
    Map<String, String> parameters();

    /** The stake at step 0. */
    BigDecimal baseStake();

    /** The multiplier the bot cashes out at. */
    BigDecimal target();

    /** Its staking rule, the domain's: the same rule the gateway's strategy replay plays over recorded crashes. */
    StakingRule staking();

    /** The stake this strategy wants at a step, before the bot's maximum stake and balance cut it down. */
    default BigDecimal stakeAt(int step) {
        return staking().stakeAt(step);
    }

    /** The step after a round that ended with this outcome at this step. */
    default int stepAfter(int step, RoundOutcome outcome) {
        return staking().stepAfter(step, outcome);
    }
}
