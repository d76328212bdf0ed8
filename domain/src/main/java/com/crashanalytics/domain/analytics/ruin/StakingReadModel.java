package com.crashanalytics.domain.analytics.ruin;

import java.util.Optional;

/** A bot's staking as its recorded rounds show it (outbound port of the read path). */
public interface StakingReadModel {

    /** What the bot's latest {@code lastBets} bets (rounds with a stake) show; empty when it has none. */
    Optional<ObservedStaking> observe(String botId, int lastBets);
}
