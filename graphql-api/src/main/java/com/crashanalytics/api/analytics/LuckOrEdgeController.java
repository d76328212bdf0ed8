package com.crashanalytics.api.analytics;

import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.edge.LuckOrEdge;
import com.crashanalytics.domain.analytics.edge.LuckOrEdgeReadModel;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Luck or edge: a bot's or strategy's bet sums from the read model, the test from the domain. */
@Controller
class LuckOrEdgeController {

    private final LuckOrEdgeReadModel bets;

    LuckOrEdgeController(LuckOrEdgeReadModel bets) {
        this.bets = bets;
    }

    @QueryMapping
    LuckOrEdge luckOrEdge(@Argument @Nullable String botId, @Argument @Nullable String strategy,
                          @Argument @Nullable TimeWindowInput window,
                          @Argument @Nullable TradeTypeFilter tradeType) {
        new Violations().check((botId == null) != (strategy == null), botId == null ? "botId" : "strategy",
                "EXACTLY_ONE", "give exactly one of botId and strategy").throwIfAny();
        // a bot's rounds are all of its one kind of money: only a strategy, played by bots of both, needs the default
        TradeTypeFilter tradeTypes = botId != null && tradeType == null ? TradeTypeFilter.ANY
                : TradeTypeFilter.orDefault(tradeType);
        return LuckOrEdge.of(bets.betSums(botId, strategy, TimeWindowInput.toWindow(window), tradeTypes));
    }
}
