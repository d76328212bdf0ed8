package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import com.crashanalytics.domain.analytics.replay.LiveStrategyRun;
import com.crashanalytics.domain.analytics.replay.StakingSystem;
import com.crashanalytics.domain.analytics.replay.StrategyReplay;
import com.crashanalytics.domain.analytics.replay.StrategyReplayQuery;
import com.crashanalytics.domain.analytics.replay.StrategyReplayReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Strategy replay: the crash points and the live bots from the read models, the replay from the domain, the live
 * portfolio's figures from the performance read model (what {@code Strategy.performance} answers for the same scope).
 */
@Controller
class StrategyReplayController {

    private final StrategyReplayReadModel replays;
    private final PerformanceReadModel performance;
    private final MultiplierReadModel multipliers;

    StrategyReplayController(StrategyReplayReadModel replays, PerformanceReadModel performance,
                             MultiplierReadModel multipliers) {
        this.replays = replays;
        this.performance = performance;
        this.multipliers = multipliers;
    }

    /** The {@code StrategyReplayInput}, bound as GraphQL sends it; the domain's query validates it. */
    record StrategyReplayInput(String game, String platform, @Nullable TimeWindowInput window, StakingSystem system,
                               BigDecimal baseStake, BigDecimal target, @Nullable BigDecimal factor,
                               @Nullable Integer maxSteps, @Nullable Integer winsToBank, @Nullable BigDecimal unit,
                               BigDecimal initialBalance, @Nullable String liveStrategy,
                               @Nullable TradeTypeFilter liveTradeType) {

        StrategyReplayQuery toQuery() {
            return new StrategyReplayQuery(game, platform, system, baseStake, target, factor, maxSteps, winsToBank,
                    unit, initialBalance, liveStrategy, TimeWindowInput.toWindow(window));
        }
    }

    @QueryMapping
    StrategyReplay strategyReplay(@Argument StrategyReplayInput input) {
        StrategyReplayQuery query = input.toQuery();
        multipliers.configuredHouseEdgePercent(query.game(), query.platform()); // refuses a platform not configured
        return new StrategyReplay(query, query.replay(replays),
                live(query, TradeTypeFilter.orDefault(input.liveTradeType())));
    }

    private @Nullable LiveStrategyRun live(StrategyReplayQuery query, TradeTypeFilter tradeTypes) {
        String strategy = query.liveStrategy();
        if (strategy == null) {
            return null;
        }
        TimeWindow window = query.window();
        PerformanceScope scope = new PerformanceScope(query.game(), query.platform(), window).of(tradeTypes);
        // Only what the comparison shows: totals from the hourly rollup and the drawdown's one walk over the rounds,
        // not Strategy.performance's streaks and returns (each another pass over every round of the strategy).
        RoundTotals totals = performance.totalsOfStrategies(List.of(strategy), scope)
                .getOrDefault(strategy, PerformanceTotals.NONE).totals();
        Drawdown maxDrawdown = performance.maxDrawdownsOfStrategies(List.of(strategy), scope)
                .getOrDefault(strategy, Drawdown.none(null));
        return LiveStrategyRun.of(strategy,
                replays.liveBots(strategy, query.game(), query.platform(), window, query.baseStake(), tradeTypes),
                totals, maxDrawdown);
    }
}
