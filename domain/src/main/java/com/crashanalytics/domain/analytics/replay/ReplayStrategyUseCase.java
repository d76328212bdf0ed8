package com.crashanalytics.domain.analytics.replay;

import com.crashanalytics.domain.analytics.TradeTypeFilter;

/**
 * Inbound port: how would a staking system have done over a game and platform's recorded crash points, and how did
 * the live bots running a strategy do over the same rounds?
 */
public interface ReplayStrategyUseCase {

    /**
     * The replay of {@code query}, next to the live run of its {@code liveStrategy} (bots of {@code liveTradeTypes})
     * when it names one.
     *
     * @throws com.crashanalytics.domain.common.NotFoundException on {@code platform} when it is not configured
     */
    StrategyReplay replay(StrategyReplayQuery query, TradeTypeFilter liveTradeTypes);
}
