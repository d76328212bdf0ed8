package com.crashanalytics.domain.analytics.timeseries;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What SQL sums for one series in one bucket: counts and exact sums only, the domain divides.
 *
 * @param start                 the bucket's start
 * @param series                the series' name (see {@link TimeSeriesGroup})
 * @param rounds                rounds that started in the bucket (and in the window)
 * @param wins                  WIN rounds
 * @param losses                LOSS rounds
 * @param totalStaked           the stakes
 * @param profitLoss            the P/L
 * @param cumulativeProfitLoss  the series' P/L from the window's start to the end of the bucket
 * @param crashMultiplierSum    the sum of the crash multipliers the rounds reported
 * @param crashMultiplierCount  rounds that reported one
 * @param lowestCrashMultiplier the lowest of them; null when none did
 * @param highestCrashMultiplier the highest; null when none did
 */
public record TimeSeriesBucket(Instant start, String series, long rounds, long wins, long losses,
                               BigDecimal totalStaked, BigDecimal profitLoss, BigDecimal cumulativeProfitLoss,
                               BigDecimal crashMultiplierSum, long crashMultiplierCount,
                               @Nullable BigDecimal lowestCrashMultiplier, @Nullable BigDecimal highestCrashMultiplier) {
}
