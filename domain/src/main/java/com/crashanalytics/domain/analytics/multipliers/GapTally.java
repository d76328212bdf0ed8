package com.crashanalytics.domain.analytics.multipliers;

import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to describe the gaps between big multipliers, counted where the rounds are: positions are 0-based
 * in play order.
 *
 * @param rounds           n, the rounds in the series
 * @param hits             rounds that reached the threshold
 * @param firstHitPosition the position of the first hit; null without hits
 * @param lastHitPosition  the position of the last hit; null without hits
 * @param gapCounts        how many gaps have each length (length → count), lengths ascending
 */
public record GapTally(long rounds, long hits, @Nullable Long firstHitPosition, @Nullable Long lastHitPosition,
                       SortedMap<Long, Long> gapCounts) {

    public GapTally {
        gapCounts = new TreeMap<>(gapCounts);
    }
}
