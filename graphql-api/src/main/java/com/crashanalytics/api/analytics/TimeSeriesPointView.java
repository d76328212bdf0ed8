package com.crashanalytics.api.analytics;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.timeseries.TimeSeriesPoint;
import org.jspecify.annotations.Nullable;

/** The {@code TimeSeriesPoint} type: the bucket's start as epoch milliseconds, the column Grafana plots against. */
record TimeSeriesPointView(
        long time,
        String series,
        long rounds,
        long wins,
        long losses,
        BigDecimal totalStaked,
        BigDecimal profitLoss,
        BigDecimal cumulativeProfitLoss,
        BigDecimal roundsPerMinute,
        @Nullable BigDecimal averageCrashMultiplier,
        @Nullable BigDecimal lowestCrashMultiplier,
        @Nullable BigDecimal highestCrashMultiplier) {

    static TimeSeriesPointView of(TimeSeriesPoint point) {
        return new TimeSeriesPointView(point.time().toEpochMilli(), point.series(), point.rounds(), point.wins(),
                point.losses(), point.totalStaked(), point.profitLoss(), point.cumulativeProfitLoss(),
                point.roundsPerMinute(), point.averageCrashMultiplier(), point.lowestCrashMultiplier(),
                point.highestCrashMultiplier());
    }
}
