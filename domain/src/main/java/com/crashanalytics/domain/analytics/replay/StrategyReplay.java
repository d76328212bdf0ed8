package com.crashanalytics.domain.analytics.replay;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A strategy replay's answer: the replayed run next to the live bots' (null when no strategy name was given to
 * compare with).
 */
public record StrategyReplay(StrategyReplayQuery query, ReplayedRun replayed, @Nullable LiveStrategyRun live) {

    /** Replays the query's rule over the crashes; {@code live} is what the live bots did (null: not asked). */
    public static StrategyReplay of(StrategyReplayQuery query, List<RecordedCrash> crashes,
                                    @Nullable LiveStrategyRun live) {
        return new StrategyReplay(query, ReplayedRun.of(query.rule(), query.initialBalance(), crashes), live);
    }

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
