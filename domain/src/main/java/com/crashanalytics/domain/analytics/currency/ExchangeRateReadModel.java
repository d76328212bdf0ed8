package com.crashanalytics.domain.analytics.currency;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The exchange rates as dashboards and convertTo read them (outbound port of the read path). */
public interface ExchangeRateReadModel {

    /**
     * The rates set, by pair then newest first, optionally of one {@code from} and one {@code to} currency; with
     * {@code inForceAt}, only the one in force then per pair (the latest whose validFrom is at or before it).
     */
    List<ExchangeRate> list(@Nullable String from, @Nullable String to, @Nullable Instant inForceAt);

    /** For each of {@code from} that has one, the rate to {@code to} in force at {@code at}. */
    Map<String, ExchangeRate> inForce(Collection<String> from, String to, Instant at);
}
