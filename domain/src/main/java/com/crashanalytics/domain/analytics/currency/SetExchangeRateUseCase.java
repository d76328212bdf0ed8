package com.crashanalytics.domain.analytics.currency;

import com.crashanalytics.domain.bot.Registration;

/** An ADMIN sets the rate of a currency pair from an instant (inbound port). */
public interface SetExchangeRateUseCase {

    /**
     * Creates the pair's rate at that instant, replaces a different one (UPDATED), or leaves the same one alone
     * (UNCHANGED): a retry never duplicates.
     */
    SetRate set(SetExchangeRateCommand command);

    /** The rate as kept, and what setting it did. */
    record SetRate(ExchangeRate exchangeRate, Registration registration) {
    }
}
