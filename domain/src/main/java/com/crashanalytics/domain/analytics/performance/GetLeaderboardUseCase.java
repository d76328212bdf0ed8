package com.crashanalytics.domain.analytics.performance;

import java.util.List;

import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import org.jspecify.annotations.Nullable;

/** Inbound port: which bots do best, by one metric, over a window, in one currency. */
public interface GetLeaderboardUseCase {

    /**
     * @throws com.crashanalytics.domain.common.InvalidInputException rule ONE_CURRENCY on {@code currency} when the
     *                                                                 query names none and rounds were logged in several
     */
    default RankedLeaderboard leaderboard(LeaderboardQuery query) {
        return leaderboard(query, null);
    }

    /**
     * The leaderboard with every bot's money converted by {@code conversion} (null: as logged); converted, it ranks in
     * the conversion's currency whatever the currencies of the rounds.
     */
    RankedLeaderboard leaderboard(LeaderboardQuery query, @Nullable CurrencyConversion conversion);

    /** The positions, best first, and the currency their money is in (null before any round). */
    record RankedLeaderboard(List<Leaderboard.Position> positions, @Nullable String currency) {
    }
}
