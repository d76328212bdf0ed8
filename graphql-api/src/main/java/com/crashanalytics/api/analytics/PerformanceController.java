package com.crashanalytics.api.analytics;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.paging.BatchLoaders;
import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.domain.analytics.performance.GetLeaderboardUseCase;
import com.crashanalytics.domain.analytics.performance.GetLeaderboardUseCase.RankedLeaderboard;
import com.crashanalytics.domain.analytics.performance.LeaderboardMetric;
import com.crashanalytics.domain.analytics.performance.LeaderboardQuery;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.domain.bot.Bot;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Performance analytics: a bot's statistics and equity curve, strategies side by side, a game's statistics and the
 * leaderboard. Nested fields with arguments load through DataLoaders keyed by (subject, arguments): one SQL statement
 * per distinct set of arguments for all the parents of a request. A query that selects no order-dependent figure
 * (drawdowns, streaks, starting capital) is answered from the hourly totals instead of the rounds.
 */
@Controller
class PerformanceController {

    // The DataLoaders' names, which the DataLoader parameters below carry (that is how Spring finds them).
    private static final String BOT_STATISTICS = "botStatistics";
    private static final String BOT_EQUITY_CURVES = "botEquityCurves";
    private static final String STRATEGY_PERFORMANCE = "strategyPerformance";
    private static final String BOT_TOTALS = "botTotals";
    private static final String STRATEGY_TOTALS = "strategyTotals";
    private static final String CURRENCY_OF_FIGURES = "currencyOfFigures";
    private static final PerformanceStats NO_ROUNDS = PerformanceStats.of(new RoundSeries(List.of()));

    private final PerformanceReadModel performance;
    private final GetLeaderboardUseCase leaderboard;
    private final Conversions conversions;

    PerformanceController(PerformanceReadModel performance, GetLeaderboardUseCase leaderboard, Conversions conversions,
                          BatchLoaderRegistry loaders) {
        this.performance = performance;
        this.leaderboard = leaderboard;
        this.conversions = conversions;
        BatchLoaders.byArguments(loaders, BOT_STATISTICS, key -> new Figures<>(key.scope(), key.equity()),
                BotWindow::botId, (botIds, figures) -> performance.ofBots(botIds, figures.scope().window(),
                        figures.scope().currency(), figures.scope().conversion(), figures.equity()));
        BatchLoaders.byArguments(loaders, BOT_EQUITY_CURVES, key -> new PeriodWindow(key.period(), key.window()),
                BotPeriodWindow::botId,
                (botIds, arguments) -> performance.equityCurves(botIds, arguments.period(), arguments.window()));
        BatchLoaders.byArguments(loaders, STRATEGY_PERFORMANCE, key -> new Figures<>(key.scope(), key.equity()),
                StrategyScope::name,
                (names, figures) -> performance.ofStrategies(names, figures.scope(), figures.equity()));
        BatchLoaders.byArguments(loaders, BOT_TOTALS, BotWindow::scope, BotWindow::botId,
                (botIds, scope) -> performance.totalsOfBots(botIds, scope.window(), scope.currency(),
                        scope.conversion()));
        BatchLoaders.byArguments(loaders, STRATEGY_TOTALS, StrategyScope::scope, StrategyScope::name,
                performance::totalsOfStrategies);
        BatchLoaders.valuesByKey(loaders, CURRENCY_OF_FIGURES, this::currencies);
    }

    /** The per-day Sharpe ratio of the equity returns, × √365 when {@code annualised}. */
    @SchemaMapping(typeName = "PerformanceStats")
    @Nullable Double dailySharpeRatio(PerformanceView stats, @Argument @Nullable Boolean annualised) {
        return stats.equity() == null ? null : stats.equity().dailySharpe(Boolean.TRUE.equals(annualised));
    }

    /** The per-day Sortino ratio of the equity returns, × √365 when {@code annualised}. */
    @SchemaMapping(typeName = "PerformanceStats")
    @Nullable Double dailySortinoRatio(PerformanceView stats, @Argument @Nullable Boolean annualised) {
        return stats.equity() == null ? null : stats.equity().dailySortino(Boolean.TRUE.equals(annualised));
    }

    @SchemaMapping(typeName = "Bot")
    CompletableFuture<PerformanceView> statistics(Bot bot, @Argument @Nullable TimeWindowInput window,
                                                  @Argument @Nullable String currency,
                                                  @Argument @Nullable String convertTo,
                                                  DataFetchingFieldSelectionSet selection, GraphQLContext request,
                                                  DataLoader<BotWindow, PerformanceTotals> botTotals,
                                                  DataLoader<BotWindow, PerformanceStats> botStatistics) {
        CurrencyConversion conversion = conversions.of(convertTo, currency, request);
        BotWindow key = new BotWindow(bot.botId(), new BotScope(TimeWindowInput.toWindow(window), currency, conversion),
                PerformanceView.needsEquity(selection));
        if (!PerformanceView.needsRoundOrder(selection)) {
            return botTotals.load(key).thenApply(figures -> PerformanceView.of(figures == null ? PerformanceTotals.NONE
                    : figures).inCurrency(currency, conversion));
        }
        return botStatistics.load(key).thenApply(stats ->
                PerformanceView.of(stats == null ? NO_ROUNDS : stats).inCurrency(currency, conversion));
    }

    @SchemaMapping(typeName = "Bot")
    CompletableFuture<List<EquityPointView>> equityCurve(Bot bot, @Argument Period bucket,
                                                         @Argument @Nullable TimeWindowInput window,
                                                         DataLoader<BotPeriodWindow, List<PeriodSummary>> botEquityCurves) {
        return botEquityCurves.load(new BotPeriodWindow(bot.botId(), bucket, TimeWindowInput.toWindow(window)))
                .thenApply(EquityPointView::curve);
    }

    @QueryMapping
    @Nullable StrategyView strategy(@Argument String name) {
        return performance.strategyExists(name)
                ? new StrategyView(name, PerformanceScope.EVERYTHING.of(TradeTypeFilter.DEFAULT)) : null;
    }

    @QueryMapping
    List<StrategyView> strategies(@Argument @Nullable String game, @Argument @Nullable String platform,
                                  @Argument @Nullable TimeWindowInput window, @Argument @Nullable String currency,
                                  @Argument @Nullable String convertTo, @Argument @Nullable TradeTypeFilter tradeType,
                                  GraphQLContext request) {
        PerformanceScope scope = new PerformanceScope(game, platform, TimeWindowInput.toWindow(window), currency,
                conversions.of(convertTo, currency, request), TradeTypeFilter.orDefault(tradeType));
        return performance.strategyNames(scope).stream().map(name -> new StrategyView(name, scope)).toList();
    }

    @SchemaMapping(typeName = "Strategy")
    CompletableFuture<PerformanceView> performance(StrategyView strategy, @Argument @Nullable TimeWindowInput window,
                                                   @Argument @Nullable String game, @Argument @Nullable String platform,
                                                   @Argument @Nullable String currency,
                                                   @Argument @Nullable String convertTo,
                                                   @Argument @Nullable TradeTypeFilter tradeType,
                                                   DataFetchingFieldSelectionSet selection, GraphQLContext request,
                                                   DataLoader<StrategyScope, PerformanceTotals> strategyTotals,
                                                   DataLoader<StrategyScope, PerformanceStats> strategyPerformance) {
        PerformanceScope overridden = strategy.scope().overriddenBy(game, platform,
                window == null ? null : TimeWindowInput.toWindow(window), currency);
        // prepared again for the scope's own currency filter: one `strategies` converted may not cover it
        String target = convertTo != null ? convertTo
                : overridden.conversion() == null ? null : overridden.conversion().currency();
        PerformanceScope scope = overridden.convertedBy(conversions.of(target, overridden.currency(), request))
                .of(tradeType == null ? overridden.tradeTypes() : tradeType);
        StrategyScope key = new StrategyScope(strategy.name(), scope, PerformanceView.needsEquity(selection));
        if (!PerformanceView.needsRoundOrder(selection)) {
            return strategyTotals.load(key).thenApply(figures -> PerformanceView.of(figures == null
                    ? PerformanceTotals.NONE : figures).inCurrency(scope.currency(), scope.conversion()));
        }
        return strategyPerformance.load(key).thenApply(stats ->
                PerformanceView.of(stats == null ? NO_ROUNDS : stats).inCurrency(scope.currency(), scope.conversion()));
    }

    @QueryMapping
    PerformanceView gameStatistics(@Argument String game, @Argument @Nullable String platform,
                                   @Argument @Nullable TimeWindowInput window, @Argument @Nullable String currency,
                                   @Argument @Nullable String convertTo, @Argument @Nullable TradeTypeFilter tradeType,
                                   DataFetchingFieldSelectionSet selection, GraphQLContext request) {
        PerformanceScope scope = new PerformanceScope(game, platform, TimeWindowInput.toWindow(window), currency,
                conversions.of(convertTo, currency, request), TradeTypeFilter.orDefault(tradeType));
        return (PerformanceView.needsRoundOrder(selection)
                ? PerformanceView.of(performance.ofScope(scope, PerformanceView.needsEquity(selection)))
                : PerformanceView.of(performance.totalsOfScope(scope))).inCurrency(currency, scope.conversion());
    }

    @QueryMapping
    List<LeaderboardPositionView> leaderboard(@Argument LeaderboardMetric metric, @Argument @Nullable TimeWindowInput window,
                                              @Argument int first, @Argument @Nullable String currency,
                                              @Argument @Nullable String convertTo,
                                              @Argument @Nullable TradeTypeFilter tradeType, GraphQLContext request) {
        LeaderboardQuery query = new LeaderboardQuery(metric, TimeWindowInput.toWindow(window), first, currency,
                TradeTypeFilter.orDefault(tradeType));
        CurrencyConversion conversion = conversions.of(convertTo, currency, request);
        RankedLeaderboard ranked = leaderboard.leaderboard(query, conversion);
        return ranked.positions().stream()
                .map(position -> LeaderboardPositionView.of(position, ranked.currency(), conversion))
                .toList();
    }

    @SchemaMapping(typeName = "PerformanceStats")
    CompletableFuture<String> currency(PerformanceView figures, DataLoader<PerformanceView, String> currencyOfFigures) {
        return currencyOfFigures.load(figures);
    }

    @SchemaMapping(typeName = "LeaderboardPosition")
    CompletableFuture<Bot> bot(LeaderboardPositionView position, DataLoader<String, Bot> botsById) {
        return botsById.load(position.botId());
    }

    /**
     * The currency of each figure set: the one it was asked in; otherwise the one currency of every platform with
     * rounds, or null when platforms of several currencies have rounds (the money then adds across currencies). One
     * query for all the figures of a request that need it.
     */
    private Map<PerformanceView, String> currencies(Collection<PerformanceView> figures) {
        List<String> all = figures.stream().allMatch(view -> view.requestedCurrency() != null) ? List.of()
                : performance.currenciesWithRounds();
        Map<PerformanceView, String> currencies = new HashMap<>();
        for (PerformanceView view : figures) {
            String currency = view.requestedCurrency() != null ? view.requestedCurrency()
                    : all.size() == 1 ? all.get(0) : null;
            if (currency != null) {
                currencies.put(view, currency);
            }
        }
        return currencies;
    }

    /** What one statement of full figures shares: the scope (a window, a strategy scope) and whether equity is read. */
    record Figures<S>(S scope, boolean equity) {
    }

    /** A bot's rounds in a window, on platforms of one currency (null: every platform), converted (null: as logged). */
    record BotScope(TimeWindow window, @Nullable String currency, @Nullable CurrencyConversion conversion) {
    }

    /** A bot's statistics in a window; {@code equity}: whether the query selects an equity-return figure. */
    record BotWindow(String botId, BotScope scope, boolean equity) {
    }

    /** The arguments of an equity curve: what keys must share to be read in one statement. */
    record PeriodWindow(Period period, TimeWindow window) {
    }

    record BotPeriodWindow(String botId, Period period, TimeWindow window) {
    }

    record StrategyScope(String name, PerformanceScope scope, boolean equity) {
    }
}
