package com.crashanalytics.domain.analytics.replay;

import java.util.List;

import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.multipliers.MultiplierReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceScope;
import com.crashanalytics.domain.analytics.performance.PerformanceTotals;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import org.jspecify.annotations.Nullable;

/**
 * Strategy replay: the crash points and the live bots from the replay read model, the replay itself on the model
 * ({@link StrategyReplayQuery#replay}), the live portfolio's totals from the performance read model and its largest
 * fall and players from one walk over its rounds ({@link LivePortfolio}; the same figures {@code Strategy.performance}
 * gives for the scope).
 */
public final class StrategyReplayService implements ReplayStrategyUseCase {

    private final StrategyReplayReadModel replays;
    private final PerformanceReadModel performance;
    private final MultiplierReadModel multipliers;

    public StrategyReplayService(StrategyReplayReadModel replays, PerformanceReadModel performance,
                                 MultiplierReadModel multipliers) {
        this.replays = replays;
        this.performance = performance;
        this.multipliers = multipliers;
    }

    @Override
    public StrategyReplay replay(StrategyReplayQuery query, TradeTypeFilter liveTradeTypes) {
        multipliers.configuredHouseEdgePercent(query.game(), query.platform()); // refuses a platform not configured
        return new StrategyReplay(query, query.replay(replays), live(query, liveTradeTypes));
    }

    private @Nullable LiveStrategyRun live(StrategyReplayQuery query, TradeTypeFilter tradeTypes) {
        String strategy = query.liveStrategy();
        if (strategy == null) {
            return null;
        }
        PerformanceScope scope = new PerformanceScope(query.game(), query.platform(), query.window()).of(tradeTypes);
        // Only what the comparison shows: the order-independent totals from the hourly rollup, and the drawdown, its
        // capital and who played from ONE ordered walk over the strategy's rounds folded here (not Strategy.performance's
        // streaks and returns, nor SQL window passes over every round).
        RoundTotals totals = performance.totalsOfStrategies(List.of(strategy), scope)
                .getOrDefault(strategy, PerformanceTotals.NONE).totals();
        LivePortfolio portfolio = new LivePortfolio(query.baseStake());
        replays.walkLiveRounds(strategy, query.game(), query.platform(), query.window(), tradeTypes, portfolio);
        return LiveStrategyRun.of(strategy, portfolio.players(), totals, portfolio.maxDrawdown());
    }
}
