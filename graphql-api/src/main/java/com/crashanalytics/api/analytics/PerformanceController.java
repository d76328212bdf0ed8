package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.analytics.ArgumentBatches.byArguments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.domain.analytics.performance.LeaderboardQuery;
import com.crashanalytics.domain.analytics.performance.Leaderboard;
import com.crashanalytics.domain.analytics.performance.LeaderboardMetric;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotRegistry;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Performance analytics: a bot's statistics and equity curve, strategies side by side, a game's statistics and the
 * leaderboard. Nested fields with arguments load through DataLoaders keyed by (subject, arguments): one SQL statement
 * per distinct set of arguments for all the parents of a request. A query that selects no order-dependent figure
 * (drawdowns, streaks, starting capital) is answered from the hourly totals instead of the rounds.
 */
@Controller
class PerformanceController {

    private static final String BOT_STATISTICS = "botStatistics";
    private static final String BOT_EQUITY_CURVES = "botEquityCurves";
    private static final String STRATEGY_PERFORMANCE = "strategyPerformance";
    private static final String BOT_TOTALS = "botTotals";
    private static final String STRATEGY_TOTALS = "strategyTotals";
    private static final PerformanceStats NO_ROUNDS = PerformanceStats.of(new RoundSeries(List.of()));

    private final PerformanceReadModel performance;
    private final BotRegistry bots;
    private final Conversions conversions;

    PerformanceController(PerformanceReadModel performance, BotRegistry bots, Conversions conversions,
                          BatchLoaderRegistry loaders) {
        this.performance = performance;
        this.bots = bots;
        this.conversions = conversions;
        loaders.<BotWindow, PerformanceStats>forName(BOT_STATISTICS).registerMappedBatchLoader((keys, environment) ->
                Mono.fromCallable(() -> byArguments(keys, key -> new Figures<>(key.scope(), key.equity()),
                        (figures, batch) -> performance.ofBots(batch.stream().map(BotWindow::botId).toList(),
                                figures.scope().window(), figures.scope().currency(), figures.scope().conversion(),
                                figures.equity()),
                        BotWindow::botId)));
        loaders.<BotPeriodWindow, List<PeriodSummary>>forName(BOT_EQUITY_CURVES).registerMappedBatchLoader((keys, environment) ->
                Mono.fromCallable(() -> byArguments(keys, key -> new PeriodWindow(key.period(), key.window()),
                        (arguments, batch) -> performance.equityCurves(
                                batch.stream().map(BotPeriodWindow::botId).toList(), arguments.period(), arguments.window()),
                        BotPeriodWindow::botId)));
        loaders.<StrategyScope, PerformanceStats>forName(STRATEGY_PERFORMANCE).registerMappedBatchLoader((keys, environment) ->
                Mono.fromCallable(() -> byArguments(keys, key -> new Figures<>(key.scope(), key.equity()),
                        (figures, batch) -> performance.ofStrategies(batch.stream().map(StrategyScope::name).toList(),
                                figures.scope(), figures.equity()),
                        StrategyScope::name)));
        loaders.<BotWindow, PerformanceTotals>forName(BOT_TOTALS).registerMappedBatchLoader((keys, environment) ->
                Mono.fromCallable(() -> byArguments(keys, BotWindow::scope, (scope, batch) ->
                        performance.totalsOfBots(batch.stream().map(BotWindow::botId).toList(), scope.window(),
                                scope.currency(), scope.conversion()),
                        BotWindow::botId)));
        loaders.<StrategyScope, PerformanceTotals>forName(STRATEGY_TOTALS).registerMappedBatchLoader((keys, environment) ->
                Mono.fromCallable(() -> byArguments(keys, StrategyScope::scope, (scope, batch) ->
                        performance.totalsOfStrategies(batch.stream().map(StrategyScope::name).toList(), scope),
                        StrategyScope::name)));
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
                                                  DataFetchingEnvironment environment) {
        CurrencyConversion conversion = conversions.of(convertTo, currency, environment.getGraphQlContext());
        BotWindow key = new BotWindow(bot.botId(), new BotScope(TimeWindowInput.toWindow(window), currency, conversion),
                PerformanceView.needsEquity(environment.getSelectionSet()));
        if (!PerformanceView.needsRoundOrder(environment.getSelectionSet())) {
            DataLoader<BotWindow, PerformanceTotals> totals = environment.getDataLoader(BOT_TOTALS);
            return totals.load(key).thenApply(figures -> PerformanceView.of(figures == null ? PerformanceTotals.NONE
                    : figures).inCurrency(currency, conversion));
        }
        DataLoader<BotWindow, PerformanceStats> loader = environment.getDataLoader(BOT_STATISTICS);
        return loader.load(key).thenApply(stats ->
                PerformanceView.of(stats == null ? NO_ROUNDS : stats).inCurrency(currency, conversion));
    }

    @SchemaMapping(typeName = "Bot")
    CompletableFuture<List<EquityPointView>> equityCurve(Bot bot, @Argument Period bucket,
                                                         @Argument @Nullable TimeWindowInput window,
                                                         DataFetchingEnvironment environment) {
        DataLoader<BotPeriodWindow, List<PeriodSummary>> loader = environment.getDataLoader(BOT_EQUITY_CURVES);
        return loader.load(new BotPeriodWindow(bot.botId(), bucket, TimeWindowInput.toWindow(window)))
                .thenApply(EquityPointView::curve);
    }

    @QueryMapping
    @Nullable StrategyView strategy(@Argument String name) {
        return performance.strategyExists(name) ? new StrategyView(name, PerformanceScope.EVERYTHING) : null;
    }

    @QueryMapping
    List<StrategyView> strategies(@Argument @Nullable String game, @Argument @Nullable String platform,
                                  @Argument @Nullable TimeWindowInput window, @Argument @Nullable String currency,
                                  @Argument @Nullable String convertTo, DataFetchingEnvironment environment) {
        PerformanceScope scope = new PerformanceScope(game, platform, TimeWindowInput.toWindow(window), currency,
                conversions.of(convertTo, currency, environment.getGraphQlContext()));
        return performance.strategyNames(scope).stream().map(name -> new StrategyView(name, scope)).toList();
    }

    @SchemaMapping(typeName = "Strategy")
    CompletableFuture<PerformanceView> performance(StrategyView strategy, @Argument @Nullable TimeWindowInput window,
                                                   @Argument @Nullable String game, @Argument @Nullable String platform,
                                                   @Argument @Nullable String currency,
                                                   @Argument @Nullable String convertTo,
                                                   DataFetchingEnvironment environment) {
        PerformanceScope overridden = strategy.scope().overriddenBy(game, platform,
                window == null ? null : TimeWindowInput.toWindow(window), currency);
        // prepared again for the scope's own currency filter: one `strategies` converted may not cover it
        String target = convertTo != null ? convertTo
                : overridden.conversion() == null ? null : overridden.conversion().currency();
        PerformanceScope scope = overridden.convertedBy(
                conversions.of(target, overridden.currency(), environment.getGraphQlContext()));
        StrategyScope key = new StrategyScope(strategy.name(), scope,
                PerformanceView.needsEquity(environment.getSelectionSet()));
        if (!PerformanceView.needsRoundOrder(environment.getSelectionSet())) {
            DataLoader<StrategyScope, PerformanceTotals> totals = environment.getDataLoader(STRATEGY_TOTALS);
            return totals.load(key).thenApply(figures -> PerformanceView.of(figures == null ? PerformanceTotals.NONE
                    : figures).inCurrency(scope.currency(), scope.conversion()));
        }
        DataLoader<StrategyScope, PerformanceStats> loader = environment.getDataLoader(STRATEGY_PERFORMANCE);
        return loader.load(key).thenApply(stats ->
                PerformanceView.of(stats == null ? NO_ROUNDS : stats).inCurrency(scope.currency(), scope.conversion()));
    }

    @QueryMapping
    PerformanceView gameStatistics(@Argument String game, @Argument @Nullable String platform,
                                   @Argument @Nullable TimeWindowInput window, @Argument @Nullable String currency,
                                   @Argument @Nullable String convertTo, DataFetchingEnvironment environment) {
        PerformanceScope scope = new PerformanceScope(game, platform, TimeWindowInput.toWindow(window), currency,
                conversions.of(convertTo, currency, environment.getGraphQlContext()));
        return (PerformanceView.needsRoundOrder(environment.getSelectionSet())
                ? PerformanceView.of(performance.ofScope(scope, PerformanceView.needsEquity(environment.getSelectionSet())))
                : PerformanceView.of(performance.totalsOfScope(scope))).inCurrency(currency, scope.conversion());
    }

    @QueryMapping
    List<LeaderboardPositionView> leaderboard(@Argument LeaderboardMetric metric, @Argument @Nullable TimeWindowInput window,
                                              @Argument int first, @Argument @Nullable String currency,
                                              @Argument @Nullable String convertTo,
                                              DataFetchingEnvironment environment) {
        LeaderboardQuery query = new LeaderboardQuery(metric, TimeWindowInput.toWindow(window), first);
        CurrencyConversion conversion = conversions.of(convertTo, currency, environment.getGraphQlContext());
        // converted, every currency ranks in the target; a currency found as the only one needs no filter
        String rankedIn = conversion != null ? conversion.currency()
                : LeaderboardQuery.currency(currency, currency == null ? performance.currenciesWithRounds() : List.of());
        return Leaderboard.rank(performance.leaderboardEntries(query.window(), currency, conversion), query.metric(),
                        query.first())
                .stream()
                .map(position -> LeaderboardPositionView.of(position, rankedIn, conversion))
                .toList();
    }

    /**
     * The currency of each figure set: the one it was asked in; otherwise the one currency of every platform with
     * rounds, or null when platforms of several currencies have rounds (the money then adds across currencies). One
     * query for all the figures of a request that need it.
     */
    @BatchMapping(typeName = "PerformanceStats")
    Map<PerformanceView, String> currency(List<PerformanceView> figures) {
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

    @BatchMapping(typeName = "LeaderboardPosition")
    Map<LeaderboardPositionView, Bot> bot(List<LeaderboardPositionView> positions) {
        Map<String, Bot> byId = bots.findAll(positions.stream().map(LeaderboardPositionView::botId).distinct().toList())
                .stream().collect(Collectors.toMap(Bot::botId, bot -> bot));
        Map<LeaderboardPositionView, Bot> result = new HashMap<>();
        positions.forEach(position -> {
            Bot bot = byId.get(position.botId());
            if (bot != null) {
                result.put(position, bot);
            }
        });
        return result;
    }

    /** What one statement of full figures shares: the scope (a window, a strategy scope) and whether equity is read. */
    record Figures<S>(S scope, boolean equity) {
    }

    /** A bot's statistics in a window; {@code equity}: whether the query selects an equity-return figure. */
    /** A bot's rounds in a window, on platforms of one currency (null: every platform), converted (null: as logged). */
    record BotScope(TimeWindow window, @Nullable String currency, @Nullable CurrencyConversion conversion) {
    }

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
