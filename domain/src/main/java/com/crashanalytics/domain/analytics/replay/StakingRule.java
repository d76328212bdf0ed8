package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.crashanalytics.domain.round.RoundOutcome;

/**
 * How a betting system stakes: from its step (its whole state: how far it has escalated) the stake of the next bet,
 * and from a round's outcome the next step; the cash-out target stays the same. Immutable; whoever plays it keeps the
 * step. SKIP and ERROR rounds placed no bet and leave the step where it was.
 */
public sealed interface StakingRule permits FixedTargetStaking, MartingaleStaking, ParoliStaking, DAlembertStaking {

    /** The step a rule starts at, and returns to when it resets. */
    int FIRST_STEP = 0;

    /** Decimals of money: stakes computed by a rule are cut down to them (no bet of a fraction of a satoshi). */
    int MONEY_SCALE = 8;

    /** The stake at step 0. */
    BigDecimal baseStake();

    /** The multiplier the bet cashes out at. */
    BigDecimal target();

    /** The stake the rule wants at a step, before the balance cuts it down. */
    BigDecimal stakeAt(int step);

    /** The step after a round that ended with this outcome at this step. */
    int stepAfter(int step, RoundOutcome outcome);

    /** A computed stake cut down to the smallest unit of money. */
    static BigDecimal truncated(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.DOWN);
    }
}
