package com.crashanalytics.domain.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long each kind of data is kept, how many rows one delete takes (one short transaction each, so a clean-up
 * never holds locks for long), and how many months after the current one have their rounds' partitions created
 * ahead. A kind without a keep time (or with zero) is kept for ever.
 */
public record RetentionPolicy(Map<RetainedData, Duration> keep, int batchSize, int monthsAhead) {

    /** Partitions created for the current month and the next three. */
    public static final int DEFAULT_MONTHS_AHEAD = 3;

    public RetentionPolicy {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the retention batch size must be at least 1, got " + batchSize);
        }
        if (monthsAhead < 0 || monthsAhead > 120) {
            throw new IllegalArgumentException("the months of partitions created ahead must be 0 to 120, got " + monthsAhead);
        }
        keep.values().forEach(duration -> {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a retention keep time cannot be negative: " + duration);
            }
        });
        keep = Map.copyOf(keep);
    }

    public RetentionPolicy(Map<RetainedData, Duration> keep, int batchSize) {
        this(keep, batchSize, DEFAULT_MONTHS_AHEAD);
    }

    /**
     * The first instant still kept for a kind, as of {@code now}: now minus the keep time, rounded down to a whole
     * UTC hour, so the hourly rollups never see a half-deleted hour. Empty when the kind is kept for ever.
     */
    public Optional<Instant> cutoff(RetainedData kind, Instant now) {
        Duration duration = keep.get(kind);
        if (duration == null || duration.isZero()) {
            return Optional.empty();
        }
        return Optional.of(now.minus(duration).truncatedTo(ChronoUnit.HOURS));
    }

    /**
     * The months whose rounds' partitions should exist as of {@code now}, oldest first: from the UTC month of the
     * rounds' cut-off (the current month when rounds are kept for ever) through {@link #monthsAhead} months after
     * the current one.
     */
    public List<YearMonth> partitionMonths(Instant now) {
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        YearMonth first = cutoff(RetainedData.ROUNDS, now).map(cutoff -> YearMonth.from(cutoff.atOffset(ZoneOffset.UTC)))
                .orElse(current);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(current.plusMonths(monthsAhead)); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
