package com.crashanalytics.domain.analytics.currency;

import java.time.Instant;
import java.util.Optional;

/** The exchange-rate table, as setExchangeRate writes it (outbound port; reads: {@link ExchangeRateReadModel}). */
public interface ExchangeRates {

    /** The rate of the pair from this instant, locked for the transaction; empty when none was set for it. */
    Optional<ExchangeRate> findForUpdate(String from, String to, Instant validFrom);

    /** Inserts the rate, or replaces the rate of the same pair and instant. */
    void save(ExchangeRate rate);
}
