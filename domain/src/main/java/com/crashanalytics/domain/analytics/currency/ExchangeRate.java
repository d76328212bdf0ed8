package com.crashanalytics.domain.analytics.currency;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One unit of {@code from} is worth {@code rate} units of {@code to} from {@code validFrom} on, until the pair's next
 * rate takes over.
 *
 * @param from      the currency converted from, e.g. INR
 * @param to        the currency converted to, e.g. USD
 * @param rate      units of {@code to} per unit of {@code from}, positive, exact as set
 * @param validFrom when the rate takes effect
 * @param setAt     when an ADMIN set it
 */
public record ExchangeRate(String from, String to, BigDecimal rate, Instant validFrom, Instant setAt) {

    /** Whether this rate says the same as {@code other} (the time it was set aside). */
    public boolean sameRateAs(ExchangeRate other) {
        return from.equals(other.from) && to.equals(other.to) && validFrom.equals(other.validFrom)
                && rate.compareTo(other.rate) == 0;
    }
}
