package com.crashanalytics.domain.analytics.timeseries;

import java.time.Duration;
import java.time.Instant;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.Violations;

/**
 * A time series as asked: the window (both ends required: a chart has a time axis), the bucket length, what the
 * series are split by and which rounds count. Self-validating; at most {@link #MAX_BUCKETS}
 * buckets, so one request stays a chart's worth of points whatever window a dashboard sends.
 */
public record TimeSeriesQuery(TimeWindow window, TimeBucket bucket, TimeSeriesGroup groupBy, TimeSeriesFilter filter) {

    /** The most buckets a window may span: a day of minutes, with room for Grafana's default 24 h range. */
    public static final int MAX_BUCKETS = 1500;
    /** The most rows (buckets × series) one answer may hold. */
    public static final int MAX_POINTS = 20_000;

    public TimeSeriesQuery {
        Violations violations = new Violations()
                .check(window.from() != null, "window.from", "REQUIRED", "a time series needs the window's start")
                .check(window.to() != null, "window.to", "REQUIRED", "a time series needs the window's end");
        violations.throwIfAny();
        long buckets = bucketsIn(window, bucket);
        violations.check(buckets <= MAX_BUCKETS, "bucket", "TOO_MANY_BUCKETS",
                "the window spans more than " + MAX_BUCKETS + " " + bucket + " buckets: choose a longer bucket or a"
                        + " shorter window").throwIfAny();
    }

    /** The buckets that overlap the window, counted up to one more than {@link #MAX_BUCKETS}. */
    static long bucketsIn(TimeWindow window, TimeBucket bucket) {
        long count = 0;
        for (Instant start = bucket.startOf(window.from()); start.isBefore(window.to()) && count <= MAX_BUCKETS;
             start = bucket.after(start)) {
            count++;
        }
        return count;
    }

    /** How much of the bucket starting at {@code bucketStart} lies inside the window. */
    public Duration overlap(Instant bucketStart) {
        Instant start = bucketStart.isBefore(window.from()) ? window.from() : bucketStart;
        Instant end = bucket.after(bucketStart);
        if (end.isAfter(window.to())) {
            end = window.to();
        }
        return Duration.between(start, end);
    }
}
