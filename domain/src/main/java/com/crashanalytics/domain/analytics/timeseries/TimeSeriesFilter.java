package com.crashanalytics.domain.analytics.timeseries;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import com.crashanalytics.domain.analytics.TradeTypeFilter;

/**
 * Which rounds a time series counts; every part left out (null) counts everything.
 *
 * @param botIds        only these bots' rounds
 * @param strategyNames only rounds logged under these strategies
 * @param game          only this game's rounds
 * @param platform      only rounds on this platform
 * @param currency      only rounds on platforms configured in this currency, so the money adds up in one currency
 * @param tradeTypes    only LIVE bots' rounds, PAPER bots', or both
 */
public record TimeSeriesFilter(@Nullable List<String> botIds, @Nullable List<String> strategyNames,
                               @Nullable String game, @Nullable String platform, @Nullable String currency,
                               TradeTypeFilter tradeTypes) {

    /** Every live round: what a time series shows when not told otherwise. */
    public static final TimeSeriesFilter EVERYTHING = new TimeSeriesFilter(null, null, null, null, null,
            TradeTypeFilter.DEFAULT);

    public TimeSeriesFilter {
        botIds = botIds == null ? null : List.copyOf(botIds);
        strategyNames = strategyNames == null ? null : List.copyOf(strategyNames);
    }

    /** The same filter, narrowed to the bots a caller may see (a BOT key's own bots). */
    public TimeSeriesFilter within(Collection<String> allowedBots) {
        List<String> narrowed = botIds == null ? List.copyOf(allowedBots)
                : botIds.stream().filter(allowedBots::contains).toList();
        return new TimeSeriesFilter(narrowed, strategyNames, game, platform, currency, tradeTypes);
    }
}
