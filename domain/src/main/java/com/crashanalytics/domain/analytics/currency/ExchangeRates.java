package com.crashanalytics.domain.analytics.currency;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The exchange-rate table (outbound port). */
public interface ExchangeRates {

    /** The rate of the pair from this instant, locked for the transaction; empty when none was set for it. */
    Optional<ExchangeRate> findForUpdate(String from, String to, Instant validFrom);

    /** Inserts the rate, or replaces the rate of the same pair and instant. */
    void save(ExchangeRate rate);

    /**
     * The rates set, by pair then newest first, optionally of one {@code from} and one {@code to} currency; with
     * {@code inForceAt}, only the one in force then per pair (the latest whose validFrom is at or before it).
     */
    List<ExchangeRate> list(@Nullable String from, @Nullable String to, @Nullable Instant inForceAt);

    /** For each of {@code from} that has one, the rate to {@code to} in force at {@code at}. */
    Map<String, ExchangeRate> inForce(Collection<String> from, String to, Instant at);
}
