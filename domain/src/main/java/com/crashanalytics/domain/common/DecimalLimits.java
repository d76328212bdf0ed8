package com.crashanalytics.domain.common;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * How many digits a kind of number may carry. Input with more decimals than we keep is rejected, never rounded:
 * a stake of 0.123456789 BTC silently stored as 0.12345679 would make every total wrong by a satoshi.
 *
 * @param kind            what the number is, for messages ("an amount of money")
 * @param integerDigits   digits allowed before the decimal point
 * @param fractionDigits  digits allowed after it
 */
public record DecimalLimits(String kind, int integerDigits, int fractionDigits) {

    /** Stakes and balances: 8 decimals so crypto stakes fit (a satoshi is 1e-8 BTC). */
    public static final DecimalLimits MONEY = new DecimalLimits("an amount of money", 12, 8);
    /** Profit or loss of one round: a stake times a large multiplier can exceed the largest stake. */
    public static final DecimalLimits PROFIT_LOSS = new DecimalLimits("a profit or loss", 16, 8);
    /** Multipliers as games display them (2 decimals) with room to spare. */
    public static final DecimalLimits MULTIPLIER = new DecimalLimits("a multiplier", 10, 4);
    /** Percentages such as a house edge. */
    public static final DecimalLimits PERCENT = new DecimalLimits("a percentage", 3, 4);

    /** Null when the value fits, otherwise the reason it does not. */
    public @Nullable String problemWith(BigDecimal value) {
        BigDecimal normalized = value.stripTrailingZeros();
        int fraction = Math.max(normalized.scale(), 0);
        int integer = normalized.precision() - normalized.scale();
        if (fraction > fractionDigits) {
            return kind + " may have at most " + fractionDigits + " decimal places (got " + value.toPlainString() + ")";
        }
        if (integer > integerDigits) {
            return kind + " may have at most " + integerDigits + " digits before the decimal point (got "
                    + value.toPlainString() + ")";
        }
        return null;
    }
}
