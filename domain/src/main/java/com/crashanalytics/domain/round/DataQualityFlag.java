package com.crashanalytics.domain.round;

/**
 * Something suspicious about a round that was accepted anyway (OCR misreads happen; refusing the round would lose
 * it). Stored in {@code crash_game_rounds.data_quality_flags} and visible in queries.
 */
public enum DataQualityFlag {
    /**
     * The bot's balance before the round differs from the balance after the previous round (its reported
     * balance, else the balance the gateway tracked; the session's initial balance for the first round).
     */
    BALANCE_DISCONTINUITY,
    /** The bot reported both balances and before + profit/loss differs from after (beyond the precision sent). */
    BALANCE_MISMATCH,
    /** The crash multiplier lies outside the range the platform is configured to show. */
    MULTIPLIER_OUTSIDE_PLATFORM_RANGE
}
