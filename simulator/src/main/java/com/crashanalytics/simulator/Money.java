package com.crashanalytics.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money as the gateway keeps them: exact decimals with 8 places (a satoshi is 1e-8 BTC). Every stake,
 * payout and balance the simulator produces goes through here, so the arithmetic stays exact and comparable.
 */
public final class Money {

    public static final int SCALE = 8;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    /** An amount given by a user: refused when it has more than 8 decimals or is negative, never rounded. */
    public static BigDecimal of(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount of money cannot be negative, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(
                    "an amount of money has at most " + SCALE + " decimals, got " + amount.toPlainString());
        }
        return amount.setScale(SCALE);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /**
     * A computed amount (a payout, an escalated stake) cut down to the smallest unit: a game never pays, and a bot
     * never bets, a fraction of a satoshi.
     */
    public static BigDecimal truncate(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.DOWN);
    }
}
