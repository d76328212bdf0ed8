package com.crashanalytics.domain.analytics.currency;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Set the rate of a currency pair from an instant (now when omitted). Self-validating: currency codes as platforms
 * are configured in (2 to 10 uppercase letters or digits: ISO 4217 codes such as USD and INR, and tokens such as USDT),
 * two different currencies, a positive rate with at most {@value #MAX_RATE_DECIMALS} decimals (it is kept exactly as
 * given, and converted amounts stay exact), a time in this century.
 */
public record SetExchangeRateCommand(String from, String to, BigDecimal rate, @Nullable Instant validFrom) {

    public static final int MAX_RATE_DECIMALS = 10;
    public static final int MAX_RATE_INTEGER_DIGITS = 18;

    public SetExchangeRateCommand {
        Violations violations = new Violations();
        currencyCode(violations, "from", from);
        currencyCode(violations, "to", to);
        if (!violations.hasViolationOn("from") && !violations.hasViolationOn("to")) {
            violations.check(!from.equals(to), "to", "DIFFERENT_CURRENCIES",
                    "must differ from `from` (got " + to + " for both): a currency is worth itself");
        }
        if (rate == null) {
            violations.add("rate", "REQUIRED", "is required");
        } else if (rate.signum() <= 0) {
            violations.add("rate", "POSITIVE", "must be above 0 (got " + rate.toPlainString() + ")");
        } else {
            BigDecimal normalized = rate.stripTrailingZeros();
            violations.check(normalized.scale() <= MAX_RATE_DECIMALS, "rate", "DECIMALS",
                    "may have at most " + MAX_RATE_DECIMALS + " decimal places (got " + rate.toPlainString() + ")");
            violations.check(normalized.precision() - normalized.scale() <= MAX_RATE_INTEGER_DIGITS, "rate", "DIGITS",
                    "may have at most " + MAX_RATE_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (validFrom != null) {
            violations.check(!validFrom.isBefore(Violations.EARLIEST_TIME), "validFrom", "TOO_EARLY",
                    "must not be before " + Violations.EARLIEST_TIME + " (got " + validFrom + ")");
        }
        violations.throwIfAny();
    }

    /** The rule every currency code argument follows (the platforms' own, see configurePlatform). */
    static void currencyCode(Violations violations, String field, @Nullable String code) {
        if (code == null || code.isBlank()) {
            violations.add(field, "REQUIRED", "must not be blank");
        } else {
            violations.check(code.matches("[A-Z0-9]{2,10}"), field, "CURRENCY_CODE",
                    "must be 2 to 10 uppercase letters or digits, e.g. USD, EUR, USDT (got '" + code + "')");
        }
    }
}
