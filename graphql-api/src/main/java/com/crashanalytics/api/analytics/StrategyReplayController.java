package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.domain.analytics.replay.LiveStrategyRun;
import com.crashanalytics.domain.analytics.replay.ReplayedRun;
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
        ReplayedRun.Player player = new ReplayedRun.Player(query.rule(), query.initialBalance());
        int crashPoints = replays.crashes(query.game(), query.platform(), query.window(),
                StrategyReplayQuery.MAX_CRASH_POINTS + 1, player::play);
        query.checkCrashPoints(crashPoints);
        return new StrategyReplay(query, player.result(crashPoints),
                live(query, TradeTypeFilter.orDefault(input.liveTradeType())));
    }

    private @Nullable LiveStrategyRun live(StrategyReplayQuery query, TradeTypeFilter tradeTypes) {
        String strategy = query.liveStrategy();
        if (strategy == null) {
            return null;
        }
        TimeWindow window = query.window();
        PerformanceStats stats = performance.ofStrategies(List.of(strategy),
                        new PerformanceScope(query.game(), query.platform(), window).of(tradeTypes), false)
                .getOrDefault(strategy, PerformanceStats.of(new RoundSeries(List.of()), null));
        return LiveStrategyRun.of(strategy,
                replays.liveBots(strategy, query.game(), query.platform(), window, query.baseStake(), tradeTypes),
                stats);
    }
}
