package com.crashanalytics.domain.analytics.performance;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Inbound port: which bots do best, by one metric, over a window, in one currency. */
public interface GetLeaderboardUseCase {

    /**
     * @throws com.crashanalytics.domain.common.InvalidInputException rule ONE_CURRENCY on {@code currency} when the
     *                                                                 query names none and rounds were logged in several
     */
    RankedLeaderboard leaderboard(LeaderboardQuery query);

    /** The positions, best first, and the currency their money is in (null before any round). */
    record RankedLeaderboard(List<Leaderboard.Position> positions, @Nullable String currency) {
    }
}
