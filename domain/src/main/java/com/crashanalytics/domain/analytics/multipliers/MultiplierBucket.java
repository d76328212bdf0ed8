package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One bar of the crash multiplier histogram next to what a fair game would give.
 *
 * @param lower         the bucket's inclusive lower bound
 * @param upper         its exclusive upper bound; null for the last, open bucket
 * @param count         observed rounds with lower ≤ crash &lt; upper
 * @param share         count / n, a fraction to 6 decimals; null when n = 0
 * @param expectedShare the theoretical P(lower ≤ crash &lt; upper) = P(≥ lower) − P(≥ upper)
 * @param expectedCount n × expectedShare
 */
public record MultiplierBucket(
        BigDecimal lower,
        @Nullable BigDecimal upper,
        long count,
        @Nullable BigDecimal share,
        double expectedShare,
        double expectedCount) {
}
