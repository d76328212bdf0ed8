package com.crashanalytics.domain.analytics.currency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.crashanalytics.domain.common.Violations;

/**
 * Money of several currencies converted into {@code currency} at the {@code rates} in force at {@code ratesAt}, one
 * per other currency: each amount × its currency's rate, exactly (no rounding; a converted amount has the amount's 8
 * decimals plus the rate's), then added up as if it had been logged in {@code currency}. Only direct rates convert:
 * the inverse of a rate the other way is not exact in decimals, so it is never derived.
 *
 * @param currency the currency every converted figure is in
 * @param ratesAt  the instant whose rates apply (the time of the request)
 * @param rates    the rate of each other currency, in code order
 */
public record CurrencyConversion(String currency, Instant ratesAt, List<ExchangeRate> rates) {

    /**
     * The conversion of {@code currencies} into {@code to} at {@code at}. A BAD_REQUEST on the argument
     * {@code convertTo} when {@code to} is no currency code (rule CURRENCY_CODE) or a currency has no rate to it in
     * force then (rule NO_RATE, naming them).
     */
    public static CurrencyConversion prepare(String to, Collection<String> currencies, Instant at, ExchangeRateReadModel book) {
        Violations violations = new Violations();
        SetExchangeRateCommand.currencyCode(violations, "convertTo", to);
        violations.throwIfAny();
        TreeSet<String> others = new TreeSet<>(currencies);
        others.remove(to);
        Map<String, ExchangeRate> found = others.isEmpty() ? Map.of() : book.inForce(others, to, at);
        List<String> missing = others.stream().filter(currency -> !found.containsKey(currency)).toList();
        violations.check(missing.isEmpty(), "convertTo", "NO_RATE",
                "no exchange rate to " + to + " in force at " + at + " from " + String.join(", ", missing)
                        + ": an ADMIN sets one with setExchangeRate").throwIfAny();
        return new CurrencyConversion(to, at, others.stream().map(found::get).toList());
    }

    /** The multiplier of each currency's amounts: its rate, and 1 for {@link #currency} itself. */
    public Map<String, BigDecimal> factors() {
        Map<String, BigDecimal> factors = new LinkedHashMap<>();
        factors.put(currency, BigDecimal.ONE);
        rates.forEach(rate -> factors.put(rate.from(), rate.rate()));
        return factors;
    }
}
