package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.util.function.Consumer;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;

/** What a strategy replay reads where the rounds are (outbound port of the read path). */
public interface StrategyReplayReadModel {

    /**
     * Hands {@code each} the game's crash points on the platform in the window, one per game round (several bots
     * watching one game round count once), in the order they were dealt (by start time), at most {@code limit} of
     * them, without holding them; answers how many it handed.
     */
    int crashes(String game, String platform, TimeWindow window, int limit, Consumer<RecordedCrash> each);

    /**
     * The bots and sessions with rounds filed under {@code strategy} on the game and platform in the window, and the
     * sessions among them with a round there that left the balance below {@code bustBelow}; only the bots
     * {@code tradeTypes} selects.
     */
    LiveBots liveBots(String strategy, String game, String platform, TimeWindow window, BigDecimal bustBelow,
                      TradeTypeFilter tradeTypes);
}
