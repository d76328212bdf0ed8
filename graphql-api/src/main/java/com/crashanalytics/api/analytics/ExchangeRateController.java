package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.analytics.currency.ExchangeRate;
import com.crashanalytics.domain.analytics.currency.ExchangeRateReadModel;
import com.crashanalytics.domain.analytics.currency.SetExchangeRateCommand;
import com.crashanalytics.domain.analytics.currency.SetExchangeRateUseCase;
import com.crashanalytics.domain.analytics.currency.SetExchangeRateUseCase.SetRate;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Exchange rates: set by an ADMIN, listed for dashboards; convertTo reads them (see {@link Conversions}). */
@Controller
class ExchangeRateController {

    private final SetExchangeRateUseCase setExchangeRate;
    private final ExchangeRateReadModel rates;

    ExchangeRateController(SetExchangeRateUseCase setExchangeRate, ExchangeRateReadModel rates) {
        this.setExchangeRate = setExchangeRate;
        this.rates = rates;
    }

    @MutationMapping
    SetRate setExchangeRate(@Argument SetExchangeRateInput input) {
        return setExchangeRate.set(new SetExchangeRateCommand(input.from(), input.to(), input.rate(), input.validFrom()));
    }

    @QueryMapping
    List<ExchangeRate> exchangeRates(@Argument @Nullable String from, @Argument @Nullable String to,
                                     @Argument @Nullable Instant inForceAt) {
        return rates.list(from, to, inForceAt);
    }

    /** The GraphQL {@code SetExchangeRateInput}, as bound from the request. */
    record SetExchangeRateInput(String from, String to, BigDecimal rate, @Nullable Instant validFrom) {
    }
}
