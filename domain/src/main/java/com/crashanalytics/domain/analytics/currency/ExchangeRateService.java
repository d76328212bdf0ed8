package com.crashanalytics.domain.analytics.currency;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.crashanalytics.domain.bot.Registration;
import com.crashanalytics.domain.common.Transactions;

/** Sets exchange rates, one transaction per rate. */
public final class ExchangeRateService implements SetExchangeRateUseCase {

    private final ExchangeRates rates;
    private final Transactions transactions;
    private final Clock clock;

    public ExchangeRateService(ExchangeRates rates, Transactions transactions, Clock clock) {
        this.rates = rates;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SetRate set(SetExchangeRateCommand command) {
        Instant now = clock.instant();
        ExchangeRate wanted = new ExchangeRate(command.from(), command.to(), command.rate(),
                command.validFrom() == null ? now : command.validFrom(), now);
        return transactions.inTransaction(() -> {
            Optional<ExchangeRate> known = rates.findForUpdate(wanted.from(), wanted.to(), wanted.validFrom());
            if (known.isPresent() && known.get().sameRateAs(wanted)) {
                return new SetRate(known.get(), Registration.UNCHANGED);
            }
            rates.save(wanted);
            return new SetRate(wanted, known.isPresent() ? Registration.UPDATED : Registration.CREATED);
        });
    }
}
