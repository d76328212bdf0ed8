package com.crashanalytics.domain.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * How long each kind of data is kept, and how many rows one delete takes (one short transaction each, so a clean-up
 * never holds locks for long). A kind without a keep time (or with zero) is kept for ever.
 */
public record RetentionPolicy(Map<RetainedData, Duration> keep, int batchSize) {

    public RetentionPolicy {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the retention batch size must be at least 1, got " + batchSize);
        }
        keep.values().forEach(duration -> {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a retention keep time cannot be negative: " + duration);
            }
        });
        keep = Map.copyOf(keep);
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
}
