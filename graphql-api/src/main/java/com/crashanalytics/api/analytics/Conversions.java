package com.crashanalytics.api.analytics;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.domain.analytics.currency.ExchangeRateReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.common.DomainException;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code convertTo} argument of the money aggregates: the conversion into that currency of every currency the
 * figures read (the one of the {@code currency} filter, or every currency with rounds), at the rates in force at the
 * request's time. Prepared once per request and arguments (kept in the request's GraphQL context, its refusal too), so
 * a hundred bots' statistics read the rates once.
 */
@Component
class Conversions {

    private final ExchangeRateReadModel rates;
    private final PerformanceReadModel performance;
    private final Clock clock;

    Conversions(ExchangeRateReadModel rates, PerformanceReadModel performance, Clock clock) {
        this.rates = rates;
        this.performance = performance;
        this.clock = clock;
    }

    /** The conversion into {@code convertTo} (null: none) of the rounds of {@code currency} (null: every currency). */
    @Nullable CurrencyConversion of(@Nullable String convertTo, @Nullable String currency, GraphQLContext request) {
        if (convertTo == null) {
            return null;
        }
        Prepared prepared = request.computeIfAbsent(new Key(convertTo, currency), key -> prepare(() ->
                CurrencyConversion.prepare(convertTo, currency == null ? performance.currenciesWithRounds()
                        : List.of(currency), clock.instant(), rates)));
        return prepared.conversion();
    }

    private static Prepared prepare(Supplier<CurrencyConversion> conversion) {
        try {
            return new Prepared(conversion.get(), null);
        } catch (DomainException refused) {
            return new Prepared(null, refused);
        }
    }

    /** The context key of one conversion. */
    private record Key(String convertTo, @Nullable String currency) {
    }

    /** A conversion, or why there is none. */
    private record Prepared(@Nullable CurrencyConversion converted, @Nullable DomainException refused) {

        CurrencyConversion conversion() {
            if (refused != null) {
                throw refused;
            }
            return converted;
        }
    }
}
