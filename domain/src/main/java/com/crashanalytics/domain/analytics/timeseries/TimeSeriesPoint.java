package com.crashanalytics.domain.analytics.timeseries;

import java.math.BigDecimal;
import java.time.Instant;

import com.crashanalytics.domain.common.Ratios;
import org.jspecify.annotations.Nullable;

/**
 * One row of a time series: one series in one bucket. A bucket where a series has no round has no row: a stalled
 * bot is a gap in its line, not a zero.
 *
 * @param time                 the bucket's start
 * @param series               the series' name
 * @param roundsPerMinute      rounds / the minutes of the bucket inside the window, to 6 decimals
 * @param averageCrashMultiplier the mean crash multiplier of the rounds that reported one, to 6 decimals
 */
public record TimeSeriesPoint(Instant time, String series, long rounds, long wins, long losses, BigDecimal totalStaked,
                              BigDecimal profitLoss, BigDecimal cumulativeProfitLoss, BigDecimal roundsPerMinute,
                              @Nullable BigDecimal averageCrashMultiplier, @Nullable BigDecimal lowestCrashMultiplier,
                              @Nullable BigDecimal highestCrashMultiplier) {

    private static final long MILLIS_PER_MINUTE = 60_000;

    /** The row of a bucket SQL summed, for the query it answers. */
    static TimeSeriesPoint of(TimeSeriesBucket bucket, TimeSeriesQuery query) {
        return new TimeSeriesPoint(bucket.start(), bucket.series(), bucket.rounds(), bucket.wins(), bucket.losses(),
                bucket.totalStaked(), bucket.profitLoss(), bucket.cumulativeProfitLoss(),
                roundsPerMinute(bucket.rounds(), query.overlap(bucket.start()).toMillis()),
                Ratios.averageStatistic(bucket.crashMultiplierSum(), bucket.crashMultiplierCount()),
                bucket.lowestCrashMultiplier(), bucket.highestCrashMultiplier());
    }

    /**
     * rounds / (millis / 60,000) as rounds × 60,000 / millis: one division of two integers, rounded once to 6
     * decimals. (The minutes as a 34-digit decimal first, then a second division, took a seventh of the request
     * thread's CPU on a time series of 2,300 points; async-profiler, 2026-12-07.)
     */
    static BigDecimal roundsPerMinute(long rounds, long millis) {
        return BigDecimal.valueOf(rounds * MILLIS_PER_MINUTE)
                .divide(BigDecimal.valueOf(millis), Ratios.FRACTION_SCALE, Ratios.ROUNDING);
    }
}
