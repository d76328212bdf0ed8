package com.crashanalytics.api.security.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.security.limits.RateLimits.Allowance;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.access.LeasedTokenBuckets;
import com.crashanalytics.domain.access.SharedTokenBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;

/**
 * One token bucket per API key, sized by the key's role: a burst of up to {@code requests}, refilled evenly over
 * {@code period}. Each key has its own bucket, so one bot that floods the gateway spends only its own allowance,
 * never another bot's.
 *
 * <p>Shared (the default): the buckets live in PostgreSQL ({@link SharedTokenBuckets}), one row per key, and every
 * replica takes its tokens from the same row in one statement under the row's lock, so a key gets its allowance once
 * however many replicas it talks to. A key that sends steadily has a replica take a few tokens ahead and spend them
 * over the next tenth of a second without a round trip ({@link LeasedTokenBuckets}: at most a hundredth of the
 * allowance, only while the bucket is at least half full, the rest returned). Nothing is cached: every request
 * spends a token the bucket gave. In memory ({@code GATEWAY_RATE_LIMIT_SHARED=false}, one gateway): Bucket4j's
 * local buckets.
 *
 * <p>A bucket is named after the key and its allowance: a role's allowance changed in the configuration starts a
 * fresh bucket (replicas on different allowances, as in a rolling deploy, count apart until they agree).
 */
public final class RateLimiter {

    private final Map<ApiKeyRole, Allowance> allowances = new EnumMap<>(ApiKeyRole.class);
    private final @Nullable LeasedTokenBuckets shared;
    private final Map<String, Bucket> localBuckets = new ConcurrentHashMap<>();

    /** Buckets in this process's memory only: for one gateway. */
    public RateLimiter(RateLimits limits) {
        this(limits, null);
    }

    /** Buckets in {@code shared} (every replica's), or in memory when it is null. */
    public RateLimiter(RateLimits limits, @Nullable SharedTokenBuckets shared) {
        for (ApiKeyRole role : ApiKeyRole.values()) {
            // Parsed once: the limiter runs on every request.
            allowances.put(role, limits.of(role));
        }
        this.shared = shared == null ? null : new LeasedTokenBuckets(shared);
    }

    /** Whether the buckets are every replica's (in the database) rather than this process's. */
    public boolean isShared() {
        return shared != null;
    }

    /** Takes one request from the key's allowance; when there is none left, how many seconds until there is. */
    public OptionalLong tryAcquire(ApiKey key) {
        Allowance allowance = allowances.get(key.role());
        String bucket = bucketId(key, allowance);
        Optional<Duration> wait = shared != null
                ? shared.takeOne(bucket, allowance.requests(), allowance.period())
                : takeLocally(bucket, allowance);
        // Round up: a client that waits the whole number of seconds it is told finds a token.
        return wait.map(duration -> OptionalLong.of(Math.max(1,
                        TimeUnit.NANOSECONDS.toSeconds(duration.toNanos() + 999_999_999L))))
                .orElse(OptionalLong.empty());
    }

    /** The key, and the allowance its bucket was made for. */
    static String bucketId(ApiKey key, Allowance allowance) {
        return key.id() + "/" + allowance.requests() + "/" + allowance.period().toMillis() + "ms";
    }

    private Optional<Duration> takeLocally(String bucket, Allowance allowance) {
        ConsumptionProbe probe = localBuckets.computeIfAbsent(bucket, id -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(allowance.requests())
                                .refillGreedy(allowance.requests(), allowance.period()))
                        .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
