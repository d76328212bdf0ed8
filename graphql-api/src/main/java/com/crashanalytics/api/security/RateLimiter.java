package com.crashanalytics.api.security;

import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.security.RateLimits.Allowance;
import com.crashanalytics.domain.access.ApiKey;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per API key (Bucket4j, in memory), sized by the key's role: a burst of up to
 * {@code requests}, refilled evenly over {@code period}. Each key has its own bucket, so one bot that floods
 * the gateway spends only its own allowance, never another bot's. (With several gateway instances each keeps
 * its own buckets, so a key's allowance is per instance.)
 */
public final class RateLimiter {

    private final RateLimits limits;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimits limits) {
        this.limits = limits;
    }

    /** Takes one request from the key's allowance; when there is none left, how many seconds until there is. */
    public OptionalLong tryAcquire(ApiKey key) {
        ConsumptionProbe probe = buckets.computeIfAbsent(key.id(), id -> bucketFor(limits.of(key.role())))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        // Round up: a client that waits the whole number of seconds it is told finds a token.
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L)));
    }

    private static Bucket bucketFor(Allowance allowance) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(allowance.requests()).refillGreedy(allowance.requests(), allowance.period()))
                .build();
    }
}
