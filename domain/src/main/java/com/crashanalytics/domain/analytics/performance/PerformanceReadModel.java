package com.crashanalytics.domain.analytics.performance;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import org.jspecify.annotations.Nullable;

/**
 * Performance aggregated where the rounds are (outbound port of the read path). Every figure is the one
 * {@link PerformanceStats#of(RoundSeries)} gives for the same rounds in the order {@code (round_start_timestamp, id)};
 * nothing loads the rounds themselves. Batch methods answer for many subjects in one query, for DataLoaders.
 */
public interface PerformanceReadModel {

    /** Each bot's performance over its rounds in the window; a bot without rounds there is absent from the map. */
    default Map<String, PerformanceStats> ofBots(Collection<String> botIds, TimeWindow window) {
        return ofBots(botIds, window, true);
    }

    /**
     * {@link #ofBots(Collection, TimeWindow)}, the {@link EquityReturns} left out ({@link EquityReturns#NONE}) unless
     * {@code withEquity}: they read every round of the sessions involved, which the other figures need not.
     */
    default Map<String, PerformanceStats> ofBots(Collection<String> botIds, TimeWindow window, boolean withEquity) {
        return ofBots(botIds, window, null, withEquity);
    }

    /** {@link #ofBots(Collection, TimeWindow, boolean)}, only rounds on platforms of {@code currency} (null: all). */
    default Map<String, PerformanceStats> ofBots(Collection<String> botIds, TimeWindow window, @Nullable String currency,
                                                 boolean withEquity) {
        return ofBots(botIds, window, currency, null, withEquity);
    }

    /**
     * {@link #ofBots(Collection, TimeWindow, String, boolean)}, the money converted by {@code conversion} (null: as
     * logged), which has a rate for every currency of the rounds read.
     */
    Map<String, PerformanceStats> ofBots(Collection<String> botIds, TimeWindow window, @Nullable String currency,
                                         @Nullable CurrencyConversion conversion, boolean withEquity);

    /**
     * Each session's performance over all its rounds, the equity curve starting from the session's initial balance:
     * the figures the session's {@code SessionTotals} keep, but with the rounds in start-time order where the totals
     * take them in round-number order. A session without rounds is absent from the map.
     */
    Map<String, PerformanceStats> ofSessions(Collection<String> sessionIds);

    /** Each strategy's performance over the rounds logged under its name in the scope; absent without rounds. */
    default Map<String, PerformanceStats> ofStrategies(Collection<String> strategyNames, PerformanceScope scope) {
        return ofStrategies(strategyNames, scope, true);
    }

    /** {@link #ofStrategies(Collection, PerformanceScope)}, the equity returns only {@code withEquity}. */
    Map<String, PerformanceStats> ofStrategies(Collection<String> strategyNames, PerformanceScope scope,
                                               boolean withEquity);

    /**
     * {@link #ofStrategies}'s {@code maxDrawdown} of each strategy alone (the same fall, peak level and times), without
     * the figures that cost more passes over the rounds (streaks, returns, the current drawdown): what a strategy
     * replay compares its replayed drawdown with. Absent without rounds.
     */
    Map<String, Drawdown> maxDrawdownsOfStrategies(Collection<String> strategyNames, PerformanceScope scope);

    /** The performance of every round in the scope (a game, a platform, a window): a portfolio of bots. */
    default PerformanceStats ofScope(PerformanceScope scope) {
        return ofScope(scope, true);
    }

    /** {@link #ofScope(PerformanceScope)}, the equity returns only {@code withEquity}. */
    PerformanceStats ofScope(PerformanceScope scope, boolean withEquity);

    /** {@link #ofBots}, order-independent figures only: read from hourly totals, whatever the number of rounds. */
    default Map<String, PerformanceTotals> totalsOfBots(Collection<String> botIds, TimeWindow window) {
        return totalsOfBots(botIds, window, null);
    }

    /** {@link #totalsOfBots(Collection, TimeWindow)}, only rounds on platforms of {@code currency} (null: all). */
    default Map<String, PerformanceTotals> totalsOfBots(Collection<String> botIds, TimeWindow window,
                                                        @Nullable String currency) {
        return totalsOfBots(botIds, window, currency, null);
    }

    /** {@link #totalsOfBots(Collection, TimeWindow, String)}, the money converted by {@code conversion} (null: as logged). */
    Map<String, PerformanceTotals> totalsOfBots(Collection<String> botIds, TimeWindow window, @Nullable String currency,
                                                @Nullable CurrencyConversion conversion);

    /** {@link #ofStrategies}, order-independent figures only. */
    Map<String, PerformanceTotals> totalsOfStrategies(Collection<String> strategyNames, PerformanceScope scope);

    /** {@link #ofScope}, order-independent figures only. */
    PerformanceTotals totalsOfScope(PerformanceScope scope);

    /** The strategy names rounds were logged under in the scope, in code-point order. */
    List<String> strategyNames(PerformanceScope scope);

    /** Whether any bot, session or round names this strategy. */
    boolean strategyExists(String strategyName);

    /** Each bot's rounds in the window by period (see {@link PeriodBreakdown}); a bot without rounds is absent. */
    Map<String, List<PeriodSummary>> equityCurves(Collection<String> botIds, Period period, TimeWindow window);

    /** Each session's rounds in the window by period, as {@link #equityCurves}; a session without rounds is absent. */
    Map<String, List<PeriodSummary>> equityCurvesOfSessions(Collection<String> sessionIds, Period period,
                                                            TimeWindow window);

    /** Every bot with rounds in the window, with its totals: what a {@link Leaderboard} ranks. */
    default List<Leaderboard.Entry> leaderboardEntries(TimeWindow window) {
        return leaderboardEntries(window, null);
    }

    /**
     * {@link #leaderboardEntries(TimeWindow)}, only rounds on platforms whose configured currency is {@code currency}
     * (null: every platform).
     */
    default List<Leaderboard.Entry> leaderboardEntries(TimeWindow window, @Nullable String currency) {
        return leaderboardEntries(window, currency, null);
    }

    /** {@link #leaderboardEntries(TimeWindow, String)}, the money converted by {@code conversion} (null: as logged). */
    default List<Leaderboard.Entry> leaderboardEntries(TimeWindow window, @Nullable String currency,
                                                       @Nullable CurrencyConversion conversion) {
        return leaderboardEntries(window, currency, conversion, TradeTypeFilter.ANY);
    }

    /** {@link #leaderboardEntries(TimeWindow, String, CurrencyConversion)}, only the bots {@code tradeTypes} selects. */
    List<Leaderboard.Entry> leaderboardEntries(TimeWindow window, @Nullable String currency,
                                               @Nullable CurrencyConversion conversion, TradeTypeFilter tradeTypes);

    /** The configured currencies of the platforms any round was logged on, in code-point order. */
    default List<String> currenciesWithRounds() {
        return currenciesWithRounds(TradeTypeFilter.ANY);
    }

    /** {@link #currenciesWithRounds()} of the rounds of the bots {@code tradeTypes} selects. */
    List<String> currenciesWithRounds(TradeTypeFilter tradeTypes);
}
