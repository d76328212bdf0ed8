package com.crashanalytics.domain.analytics.multipliers;

import org.jspecify.annotations.Nullable;

/**
 * One bar of the histogram of gaps between big multipliers, next to the geometric expectation.
 *
 * @param fromLength the shortest gap length in the bar
 * @param toLength   the longest; equal to {@code fromLength} for a single length, null for the open tail
 * @param observed   gaps of a length in [from, to]
 * @param expected   G × P(from ≤ gap ≤ to) for G observed gaps: G (1 − p)^(k−1) p for one length k, G (1 − p)^(from−1)
 *                   for the tail
 */
public record GapCount(long fromLength, @Nullable Long toLength, long observed, double expected) {
}
