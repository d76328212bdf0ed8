package com.crashanalytics.domain.analytics.performance;

import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A leaderboard request: the first {@code first} bots by {@code metric} over {@code window}, in one currency.
 * Self-validating: {@code first} is between 1 and {@value #MAX_FIRST}.
 *
 * @param currency the currency to rank in; null: the only one rounds were logged in (see {@link #currency})
 * @param tradeTypes which bots rank: LIVE ones, PAPER ones, or both
 */
public record LeaderboardQuery(LeaderboardMetric metric, TimeWindow window, int first, @Nullable String currency,
                               TradeTypeFilter tradeTypes) {

    public static final int MAX_FIRST = 500;

    public LeaderboardQuery {
        new Violations().check(first >= 1 && first <= MAX_FIRST, "first", "RANGE",
                "must be between 1 and " + MAX_FIRST + " (got " + first + ")").throwIfAny();
    }

    /** Live bots ranked in the only currency rounds were logged in. */
    public LeaderboardQuery(LeaderboardMetric metric, TimeWindow window, int first) {
        this(metric, window, first, null, TradeTypeFilter.DEFAULT);
    }

    /**
     * The one currency a leaderboard ranks in: {@code requested} when given; otherwise the only currency the platforms
     * with rounds are configured in (null when there are no rounds yet). Money in different currencies never ranks
     * together: with several, the caller must choose (rule ONE_CURRENCY on the argument {@code currency}).
     */
    public static @Nullable String currency(@Nullable String requested, List<String> currenciesWithRounds) {
        if (requested != null) {
            return requested;
        }
        new Violations().check(currenciesWithRounds.size() <= 1, "currency", "ONE_CURRENCY",
                "rounds were logged in several currencies " + currenciesWithRounds
                        + ": name the one to rank in").throwIfAny();
        return currenciesWithRounds.isEmpty() ? null : currenciesWithRounds.get(0);
    }
}
