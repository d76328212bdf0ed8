package com.crashanalytics.domain.analytics.performance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A length of calendar time to group rounds by, always in UTC: a dashboard in any zone sees the same buckets, and
 * the SQL is {@code date_trunc('hour' | 'day' | 'week' | 'month', round_start_timestamp, 'UTC')} (weeks start on
 * Monday, as ISO 8601 and PostgreSQL's {@code date_trunc('week', …)} have them).
 */
public enum Period {
    HOUR,
    DAY,
    WEEK,
    MONTH;

    /** The start of the period (UTC) that contains {@code time}. */
    public Instant startOf(Instant time) {
        return switch (this) {
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> midnight(utcDate(time).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case MONTH -> midnight(utcDate(time).withDayOfMonth(1));
        };
    }

    /** The start of the next period, given the start of one. */
    public Instant after(Instant periodStart) {
        ZonedDateTime start = periodStart.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> start.plusHours(1).toInstant();
            case DAY -> start.plusDays(1).toInstant();
            case WEEK -> start.plusWeeks(1).toInstant();
            case MONTH -> start.plusMonths(1).toInstant();
        };
    }

    private static LocalDate utcDate(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    private static Instant midnight(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
