package com.crashanalytics.persistence.analytics;

import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.persistence.common.SqlConditions;
import org.jspecify.annotations.Nullable;

/**
 * Money converted where it is read: rows of {@code crash_game_rounds} or {@code round_totals_hourly} (both keyed by
 * game and platform) join the rate of their platform's currency, {@code fx.fx_rate} (1 for the target currency), and
 * every money column is multiplied by it, exactly. Ratios of money (P/L ÷ stake, P/L ÷ equity) are read unconverted:
 * a rate cancels out of them. Without a conversion every part is empty and the statement is what it was.
 */
final class ConversionSql {

    private static final String JOIN = """
             JOIN (SELECT p.game_name AS fx_game, p.platform_code AS fx_platform, r.fx_rate
                   FROM game_platform_config p
                   JOIN unnest(CAST(:fxCurrencies AS text[]), CAST(CAST(:fxRates AS text[]) AS numeric[]))
                        AS r(fx_currency, fx_rate) ON r.fx_currency = p.currency) AS fx
               ON fx.fx_game = game_name AND fx.fx_platform = platform_code""";

    private ConversionSql() {
    }

    /** The join that gives each row its rate, after the table's name; the platforms of currencies without one drop. */
    static String join(@Nullable CurrencyConversion conversion) {
        return conversion == null ? "" : JOIN;
    }

    /** What follows a money column to convert it. */
    static String factor(@Nullable CurrencyConversion conversion) {
        return conversion == null ? "" : " * fx.fx_rate";
    }

    /** Binds the rates the join reads. */
    static SqlConditions bind(SqlConditions filters, @Nullable CurrencyConversion conversion) {
        if (conversion == null) {
            return filters;
        }
        return filters.parameter("fxCurrencies", conversion.factors().keySet().toArray(String[]::new))
                .parameter("fxRates", conversion.factors().values().stream().map(rate -> rate.toPlainString())
                        .toArray(String[]::new));
    }
}
