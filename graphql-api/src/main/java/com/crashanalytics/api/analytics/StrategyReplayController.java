package com.crashanalytics.api.analytics;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.replay.ReplayStrategyUseCase;
import com.crashanalytics.domain.analytics.replay.StakingSystem;
import com.crashanalytics.domain.analytics.replay.StrategyReplay;
import com.crashanalytics.domain.analytics.replay.StrategyReplayQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Strategy replay: binds the input and asks the domain's {@link ReplayStrategyUseCase}. */
@Controller
class StrategyReplayController {

    private final ReplayStrategyUseCase replays;

    StrategyReplayController(ReplayStrategyUseCase replays) {
        this.replays = replays;
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
        return replays.replay(input.toQuery(), TradeTypeFilter.orDefault(input.liveTradeType()));
    }
}
