package com.crashanalytics.domain.analytics.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.domain.common.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CurrencyConversionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    /** The rate table in a list: the rate in force is the pair's latest at or before the instant. */
    private static final class RateList implements ExchangeRates, ExchangeRateReadModel {
        final List<ExchangeRate> rates = new ArrayList<>();

        RateList with(String from, String to, String rate, String validFrom) {
            rates.add(new ExchangeRate(from, to, new BigDecimal(rate), Instant.parse(validFrom), NOW));
            return this;
        }

        @Override
        public Optional<ExchangeRate> findForUpdate(String from, String to, Instant validFrom) {
            return rates.stream().filter(r -> r.from().equals(from) && r.to().equals(to)
                    && r.validFrom().equals(validFrom)).findFirst();
        }

        @Override
        public void save(ExchangeRate rate) {
            rates.add(rate);
        }

        @Override
        public List<ExchangeRate> list(@Nullable String from, @Nullable String to, @Nullable Instant inForceAt) {
            return rates;
        }

        @Override
        public Map<String, ExchangeRate> inForce(Collection<String> from, String to, Instant at) {
            Map<String, ExchangeRate> found = new HashMap<>();
            rates.stream().filter(r -> from.contains(r.from()) && r.to().equals(to) && !r.validFrom().isAfter(at))
                    .sorted(Comparator.comparing(ExchangeRate::validFrom))
                    .forEach(r -> found.put(r.from(), r));
            return found;
        }
    }

    @Test
    void eachCurrencyConvertsAtItsRateInForceAndTheTargetAtOne() {
        RateList book = new RateList()
                .with("INR", "USD", "0.0121", "2026-01-01T00:00:00Z")
                .with("INR", "USD", "0.012", "2026-03-01T00:00:00Z")   // the one in force on 2 March
                .with("INR", "USD", "0.013", "2026-04-01T00:00:00Z")   // not yet
                .with("EUR", "USD", "1.08", "2026-01-01T00:00:00Z");

        CurrencyConversion conversion = CurrencyConversion.prepare("USD", List.of("USD", "INR", "EUR"), NOW, book);

        assertThat(conversion.currency()).isEqualTo("USD");
        assertThat(conversion.ratesAt()).isEqualTo(NOW);
        assertThat(conversion.rates()).extracting(ExchangeRate::from).containsExactly("EUR", "INR");
        assertThat(conversion.factors()).containsExactly(Map.entry("USD", BigDecimal.ONE),
                Map.entry("EUR", new BigDecimal("1.08")), Map.entry("INR", new BigDecimal("0.012")));
    }

    @Test
    void aMissingRateIsABadRequestOnConvertToNamingTheCurrencies() {
        RateList book = new RateList().with("USD", "INR", "83.3", "2026-01-01T00:00:00Z"); // the other way: not used

        assertThatThrownBy(() -> CurrencyConversion.prepare("USD", List.of("INR", "EUR", "USD"), NOW, book))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> {
                    assertThat(error.violations()).extracting(v -> v.field() + ":" + v.rule())
                            .containsExactly("convertTo:NO_RATE");
                    assertThat(error.getMessage()).contains("from EUR, INR");
                });
        assertThatThrownBy(() -> CurrencyConversion.prepare("usd", List.of("USD"), NOW, book))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> assertThat(error.violations())
                        .extracting(v -> v.field() + ":" + v.rule()).containsExactly("convertTo:CURRENCY_CODE"));
    }

    @Test
    void aRateIsTwoDifferentCodesAndAPositiveExactNumber() {
        assertThatThrownBy(() -> new SetExchangeRateCommand("inr", "INR", new BigDecimal("-1"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> assertThat(error.violations())
                        .extracting(v -> v.field() + ":" + v.rule())
                        .containsExactly("from:CURRENCY_CODE", "rate:POSITIVE"));
        assertThatThrownBy(() -> new SetExchangeRateCommand("USD", "USD", new BigDecimal("0.00000000001"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, error -> assertThat(error.violations())
                        .extracting(v -> v.field() + ":" + v.rule())
                        .containsExactly("to:DIFFERENT_CURRENCIES", "rate:DECIMALS"));
        // trailing zeros do not count as decimals: 0.01200000000 is 0.012
        assertThat(new SetExchangeRateCommand("INR", "USDT", new BigDecimal("0.01200000000"), null).rate())
                .isEqualByComparingTo("0.012");
    }
}
