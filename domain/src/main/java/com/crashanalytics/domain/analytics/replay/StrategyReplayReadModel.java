package com.crashanalytics.domain.analytics.replay;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;

/** What a strategy replay reads where the rounds are (outbound port of the read path). */
public interface StrategyReplayReadModel {

    /**
     * Whether each of the game's crash points on the platform in the window reached {@code target}, one per game round
     * (several bots watching one game round count once), in the order they were dealt (by start time), at most
     * {@code limit} of them.
     */
    ReachedTargets reachedTargets(String game, String platform, TimeWindow window, BigDecimal target, int limit);

    /** The start time of the crash point at {@code position} (from 0) in that order. */
    Instant startOfCrashPoint(String game, String platform, TimeWindow window, int position);

    /**
     * Feeds {@code sink} the rounds filed under {@code strategy} on the game and platform in the window, of the bots
     * {@code tradeTypes} selects, in the order they were played (start time, ties by id), streamed rather than held.
     */
    void walkLiveRounds(String strategy, String game, String platform, TimeWindow window, TradeTypeFilter tradeTypes,
                        LiveRoundSink sink);
}
