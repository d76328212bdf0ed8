package com.crashanalytics.domain.analytics.performance;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.Violations;

/**
 * A leaderboard request: the first {@code first} bots by {@code metric} over {@code window}. Self-validating:
 * {@code first} is between 1 and {@value #MAX_FIRST}.
 */
public record LeaderboardQuery(LeaderboardMetric metric, TimeWindow window, int first) {

    public static final int MAX_FIRST = 500;

    public LeaderboardQuery {
        new Violations().check(first >= 1 && first <= MAX_FIRST, "first", "RANGE",
                "must be between 1 and " + MAX_FIRST + " (got " + first + ")").throwIfAny();
    }
}
