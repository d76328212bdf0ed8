package com.crashanalytics.domain.analytics.edge;

import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import org.jspecify.annotations.Nullable;

/** The bet sums behind {@link LuckOrEdge}, where the rounds are stored (outbound port of the read path). */
public interface LuckOrEdgeReadModel {

    /**
     * Per game and platform, the bets of one bot or of one strategy's rounds placed in the window (exactly one of
     * {@code botId} and {@code strategy} is given), of the bots {@code tradeTypes} selects. Only platforms with bets
     * appear.
     */
    List<PlatformBetSums> betSums(@Nullable String botId, @Nullable String strategy, TimeWindow window,
                                  TradeTypeFilter tradeTypes);
}
