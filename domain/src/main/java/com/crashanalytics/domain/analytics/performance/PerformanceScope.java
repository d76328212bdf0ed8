package com.crashanalytics.domain.analytics.performance;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import org.jspecify.annotations.Nullable;

/**
 * Which rounds a performance figure covers besides its subject (a bot, a strategy): optionally one game, optionally
 * one platform, a time window, and the bots' kind of money.
 *
 * @param game     a game code such as {@code aviator}; null: every game
 * @param platform a platform code; null: every platform
 * @param window   the rounds' start times
 * @param currency only rounds on platforms configured in this currency (e.g. USD), so money adds up in one
 *                 currency; null: every platform
 * @param conversion the money converted into one currency (null: as logged), with a rate for every currency read
 * @param tradeTypes only rounds of LIVE bots, of PAPER bots, or of both
 */
public record PerformanceScope(@Nullable String game, @Nullable String platform, TimeWindow window,
                               @Nullable String currency, @Nullable CurrencyConversion conversion,
                               TradeTypeFilter tradeTypes) {

    public static final PerformanceScope EVERYTHING = new PerformanceScope(null, null, TimeWindow.ALL);

    /** A scope of every currency. */
    public PerformanceScope(@Nullable String game, @Nullable String platform, TimeWindow window) {
        this(game, platform, window, null);
    }

    /** A scope whose money is read as logged. */
    public PerformanceScope(@Nullable String game, @Nullable String platform, TimeWindow window,
                            @Nullable String currency) {
        this(game, platform, window, currency, null);
    }

    /** A scope of every bot, paper and live. */
    public PerformanceScope(@Nullable String game, @Nullable String platform, TimeWindow window,
                            @Nullable String currency, @Nullable CurrencyConversion conversion) {
        this(game, platform, window, currency, conversion, TradeTypeFilter.ANY);
    }

    /** This scope with its money converted by {@code conversion} (null: as logged). */
    public PerformanceScope convertedBy(@Nullable CurrencyConversion otherConversion) {
        return new PerformanceScope(game, platform, window, currency, otherConversion, tradeTypes);
    }

    /** This scope over the rounds of the bots {@code otherTradeTypes} selects. */
    public PerformanceScope of(TradeTypeFilter otherTradeTypes) {
        return new PerformanceScope(game, platform, window, currency, conversion, otherTradeTypes);
    }

    /** This scope with each part replaced where {@code other} names one. */
    public PerformanceScope overriddenBy(@Nullable String otherGame, @Nullable String otherPlatform,
                                         @Nullable TimeWindow otherWindow, @Nullable String otherCurrency) {
        return new PerformanceScope(otherGame == null ? game : otherGame,
                otherPlatform == null ? platform : otherPlatform,
                otherWindow == null ? window : otherWindow,
                otherCurrency == null ? currency : otherCurrency, conversion, tradeTypes);
    }
}
