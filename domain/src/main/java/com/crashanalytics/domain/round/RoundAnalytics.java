package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.crashanalytics.domain.session.RoundStanding;
import org.jspecify.annotations.Nullable;

/**
 * The derived analytics of one round ({@code analytics_round_outcomes}), written by the gateway in the round's own
 * transaction, never by a client. Streaks and the balance depend on the rounds before it in the session.
 *
 * @param outcomeCategory  the result by size (see {@link OutcomeCategory} for the thresholds)
 * @param winStreakLength  consecutive wins up to and including this round (skips and errors neither extend nor
 *                         break a streak)
 * @param lossStreakLength consecutive losses up to and including this round
 * @param balanceAfter     the balance after the round (reported, else tracked by the gateway)
 * @param timestamp        the round's start, which the buckets are taken from (UTC)
 */
public record RoundAnalytics(
        UUID id,
        OutcomeCategory outcomeCategory,
        int winStreakLength,
        int lossStreakLength,
        BigDecimal balanceAfter,
        @Nullable BigDecimal actualMultiplier,
        @Nullable Boolean hitTarget,
        @Nullable BigDecimal multiplierError,
        Instant timestamp,
        LocalDate dateBucket,
        Instant hourBucket) {

    static RoundAnalytics of(UUID id, Settlement settlement, RoundStanding standing, Instant timestamp) {
        return new RoundAnalytics(id,
                OutcomeCategory.of(settlement.profitLoss(), settlement.stake(), standing.balanceBefore()),
                standing.winStreak(), standing.lossStreak(), standing.balanceAfter(), settlement.actualMultiplier(),
                settlement.hitTarget(), settlement.multiplierError(), timestamp,
                LocalDate.ofInstant(timestamp, ZoneOffset.UTC), timestamp.truncatedTo(ChronoUnit.HOURS));
    }

    /** The same analytics with what depends on the rounds before it recomputed. */
    RoundAnalytics restated(OutcomeCategory category, RoundStanding standing) {
        return new RoundAnalytics(id, category, standing.winStreak(), standing.lossStreak(), standing.balanceAfter(),
                actualMultiplier, hitTarget, multiplierError, timestamp, dateBucket, hourBucket);
    }
}
