package com.crashanalytics.domain.analytics.performance;

import java.util.List;

import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import org.jspecify.annotations.Nullable;

/** Ranks the bots: SQL totals each bot's rounds (the {@link PerformanceReadModel}), {@link Leaderboard} ranks them. */
public final class LeaderboardService implements GetLeaderboardUseCase {

    private final PerformanceReadModel performance;

    public LeaderboardService(PerformanceReadModel performance) {
        this.performance = performance;
    }

    @Override
    public RankedLeaderboard leaderboard(LeaderboardQuery query, @Nullable CurrencyConversion conversion) {
        // converted, every currency ranks in the target; a currency found as the only one needs no filter
        String rankedIn = conversion != null ? conversion.currency() : LeaderboardQuery.currency(query.currency(),
                query.currency() == null ? performance.currenciesWithRounds(query.tradeTypes()) : List.of());
        List<Leaderboard.Position> positions = Leaderboard.rank(
                performance.leaderboardEntries(query.window(), query.currency(), conversion, query.tradeTypes()),
                query.metric(),
                query.first());
        return new RankedLeaderboard(positions, rankedIn);
    }
}
