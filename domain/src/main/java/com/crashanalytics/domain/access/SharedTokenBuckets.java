package com.crashanalytics.domain.access;

import java.time.Duration;
import java.util.Optional;

/**
 * Outbound port: token buckets that every gateway replica takes from, so that a key gets its allowance once however
 * many replicas it talks to. A bucket holds at most {@code capacity} tokens, is created full, and refills evenly at
 * {@code capacity} per {@code refillPeriod}; each request takes one.
 */
public interface SharedTokenBuckets {

    /**
     * Takes one token from the bucket, atomically with every other replica's takes: empty when it was taken, else
     * how long until the bucket holds one again (nothing is taken then).
     */
    Optional<Duration> takeOne(String bucket, long capacity, Duration refillPeriod);
}
