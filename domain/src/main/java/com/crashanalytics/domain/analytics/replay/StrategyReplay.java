package com.crashanalytics.domain.analytics.replay;

import org.jspecify.annotations.Nullable;

/**
 * A strategy replay's answer: the replayed run next to the live bots' (null when no strategy name was given to
 * compare with).
 */
public record StrategyReplay(StrategyReplayQuery query, ReplayedRun replayed, @Nullable LiveStrategyRun live) {

    public String game() {
        return query.game();
    }

    public String platform() {
        return query.platform();
    }

    public StakingSystem system() {
        return query.system();
    }

    /** The parameters of the staking rule played, defaults filled in. */
    public StakingParameters parameters() {
        return StakingParameters.of(query.rule());
    }
}
