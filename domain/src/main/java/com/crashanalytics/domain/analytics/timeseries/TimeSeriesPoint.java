package com.crashanalytics.domain.analytics.timeseries;

import java.math.BigDecimal;
import java.math.MathContext;
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

    private static final BigDecimal MILLIS_PER_MINUTE = BigDecimal.valueOf(60_000);

    /** The row of a bucket SQL summed, for the query it answers. */
    static TimeSeriesPoint of(TimeSeriesBucket bucket, TimeSeriesQuery query) {
        BigDecimal minutes = BigDecimal.valueOf(query.overlap(bucket.start()).toMillis())
                .divide(MILLIS_PER_MINUTE, MathContext.DECIMAL128);
        return new TimeSeriesPoint(bucket.start(), bucket.series(), bucket.rounds(), bucket.wins(), bucket.losses(),
                bucket.totalStaked(), bucket.profitLoss(), bucket.cumulativeProfitLoss(),
                BigDecimal.valueOf(bucket.rounds()).divide(minutes, Ratios.FRACTION_SCALE, Ratios.ROUNDING),
                Ratios.averageStatistic(bucket.crashMultiplierSum(), bucket.crashMultiplierCount()),
                bucket.lowestCrashMultiplier(), bucket.highestCrashMultiplier());
    }
}
