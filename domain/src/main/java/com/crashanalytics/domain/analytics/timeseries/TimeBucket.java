package com.crashanalytics.domain.analytics.timeseries;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.crashanalytics.domain.analytics.performance.Period;

/**
 * The length of a time series' buckets, in UTC: minutes, then the equity curves' {@link Period}s (hours, days, weeks
 * from Monday, calendar months). The SQL is {@code date_trunc(sqlUnit(), round_start_timestamp, 'UTC')}.
 */
public enum TimeBucket {
    MINUTE(null),
    HOUR(Period.HOUR),
    DAY(Period.DAY),
    WEEK(Period.WEEK),
    MONTH(Period.MONTH);

    private final Period period;

    TimeBucket(Period period) {
        this.period = period;
    }

    /** The start of the bucket (UTC) that contains {@code time}. */
    public Instant startOf(Instant time) {
        return period == null ? time.truncatedTo(ChronoUnit.MINUTES) : period.startOf(time);
    }

    /** The start of the next bucket, given the start of one. */
    public Instant after(Instant bucketStart) {
        return period == null ? bucketStart.plus(1, ChronoUnit.MINUTES) : period.after(bucketStart);
    }

    /** PostgreSQL's name of the unit, for {@code date_trunc}. */
    public String sqlUnit() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
