package com.crashanalytics.simulator.play;

import java.math.BigDecimal;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.Money;
import org.jspecify.annotations.Nullable;

/**
 * How a bet resolves, as the game pays: cashed out at the target when the crash came at or after it
 * ({@code crash ≥ target}): WIN, {@code stake × (target − 1)}; otherwise LOSS, {@code −stake}.
 *
 * @param cashout the multiplier cashed out at, for a WIN only
 */
public record Settlement(RoundOutcome outcome, @Nullable BigDecimal cashout, BigDecimal profitLoss) {

    public static Settlement of(BigDecimal stake, BigDecimal target, BigDecimal crash) {
        if (crash.compareTo(target) >= 0) {
            return new Settlement(RoundOutcome.WIN, target, Money.truncate(stake.multiply(target.subtract(BigDecimal.ONE))));
        }
        return new Settlement(RoundOutcome.LOSS, null, stake.negate());
    }

    /** A round without a bet (SKIP, or an ERROR that kept the bet from being placed): nothing won or lost. */
    public static Settlement noBet(RoundOutcome outcome) {
        return new Settlement(outcome, null, Money.ZERO);
    }
}
