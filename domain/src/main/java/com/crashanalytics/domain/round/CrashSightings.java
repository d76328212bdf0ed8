package com.crashanalytics.domain.round;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Outbound port: which logged rounds are the first report of their game round. Several bots watching one game
 * round each log it; the game round is one crash, announced once (bots that send the game's round id,
 * {@code roundExternalId}, are matched by it; a round without one is a game round of its own).
 */
public interface CrashSightings {

    /** The multiplier the streak feed counts runs up to: seed 002's streaks of ≥ 10x rounds. */
    int STREAK_MULTIPLIER = 10;

    /**
     * Of these rounds, written in the current transaction, those that are so far the only report of their game
     * round, each with the run of game rounds below {@value #STREAK_MULTIPLIER}x that ends with it. Concurrent
     * writers of one game serialize on it, so two bots logging the same game round at once cannot both be first.
     */
    List<FirstReport> firstReportsAmong(Collection<UUID> roundIds);

    /**
     * @param roundsBelowStreakMultiplier game rounds in a row, up to and including this one, that crashed below
     *                                    {@value #STREAK_MULTIPLIER}x (0 when this one reached it)
     */
    record FirstReport(UUID roundId, int roundsBelowStreakMultiplier) {
    }
}
