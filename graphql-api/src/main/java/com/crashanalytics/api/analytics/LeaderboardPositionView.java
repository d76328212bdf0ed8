package com.crashanalytics.api.analytics;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.currency.CurrencyConversion;
import com.crashanalytics.domain.analytics.performance.Leaderboard;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import org.jspecify.annotations.Nullable;

/** The {@code LeaderboardPosition} type. */
record LeaderboardPositionView(
        int position,
        String botId,
        @Nullable BigDecimal value,
        long rounds,
        BigDecimal totalProfitLoss,
        @Nullable BigDecimal roiPercent,
        @Nullable BigDecimal winRate,
        @Nullable BigDecimal profitFactor,
        @Nullable String currency,
        @Nullable CurrencyConversion conversion) {

    /** A place ranked in {@code currency}, its money converted by {@code conversion} (null: as logged). */
    static LeaderboardPositionView of(Leaderboard.Position position, @Nullable String currency,
                                      @Nullable CurrencyConversion conversion) {
        RoundTotals totals = position.entry().totals();
        return new LeaderboardPositionView(position.position(), position.entry().botId(), position.value(),
                totals.rounds(), totals.totalProfitLoss(), totals.roiPercent(), totals.winRate(), totals.profitFactor(),
                currency, conversion);
    }
}
