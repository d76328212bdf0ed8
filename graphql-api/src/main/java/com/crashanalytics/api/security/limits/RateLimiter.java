package com.crashanalytics.api.security.limits;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.security.limits.RateLimits.Allowance;
import com.crashanalytics.domain.access.ApiKey;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.jspecify.annotations.Nullable;

/**
 * One token bucket per API key (Bucket4j), sized by the key's role: a burst of up to {@code requests}, refilled evenly
 * over {@code period}. Each key has its own bucket, so one bot that floods the gateway spends only its own allowance,
 * never another bot's.
 *
 * <p>Shared (the default): the buckets live in PostgreSQL, one row per key, and every replica takes its tokens from
 * the same row under a row lock, so a key gets its allowance once however many replicas it talks to. The one
 * optimisation used is Bucket4j's batching: requests of one key that arrive together at one replica take their
 * tokens in one database round trip, each still checked against the shared row, so it never lets more through.
 * Bucket4j's delaying and predicting optimisations are not used: they let each replica spend tokens it has not
 * synchronised yet, i.e. up to a few more than the allowance across replicas.
 *
 * <p>Each replica creates (or finds) a key's bucket with one request of its own, unbatched, before it batches any:
 * Bucket4j creates a bucket in two transactions (an empty row, then its first state), and a batch that finds the row
 * still empty fails ({@code BucketNotFoundException} out of the batch's result) instead of creating the state as a
 * single request does. Seen as 500s when two replicas' first requests of a new key raced.
 *
 * <p>A bucket's row is named after the key and its allowance: a role's allowance changed in the configuration starts
 * a fresh bucket (replicas on different allowances, as in a rolling deploy, count apart until they agree).
 */
public final class RateLimiter {

    private final RateLimits limits;
    private final @Nullable ProxyManager<String> shared;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Buckets in this process's memory only: for one gateway. */
    public RateLimiter(RateLimits limits) {
        this(limits, null);
    }

    /** Buckets in {@code shared} (every replica's), or in memory when it is null. */
    public RateLimiter(RateLimits limits, @Nullable ProxyManager<String> shared) {
        this.limits = limits;
        this.shared = shared;
    }

    /** Whether the buckets are every replica's (in the database) rather than this process's. */
    public boolean isShared() {
        return shared != null;
    }

    /** Takes one request from the key's allowance; when there is none left, how many seconds until there is. */
    public OptionalLong tryAcquire(ApiKey key) {
        Allowance allowance = limits.of(key.role());
        ConsumptionProbe probe = buckets.computeIfAbsent(bucketId(key, allowance), id -> bucketFor(id, allowance))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        // Round up: a client that waits the whole number of seconds it is told finds a token.
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L)));
    }

    /** The key, and the allowance its bucket was made for. */
    static String bucketId(ApiKey key, Allowance allowance) {
        return key.id() + "/" + allowance.requests() + "/" + allowance.period().toMillis() + "ms";
    }

    private Bucket bucketFor(String id, Allowance allowance) {
        if (shared == null) {
            return Bucket.builder().addLimit(limit -> limit.capacity(allowance.requests())
                    .refillGreedy(allowance.requests(), allowance.period())).build();
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(allowance.requests()).refillGreedy(allowance.requests(), allowance.period()))
                .build();
        // Called inside computeIfAbsent: this process's other requests of the key wait until the bucket has a state.
        shared.builder().build(id, () -> configuration).getAvailableTokens();
        return shared.builder().withOptimization(Optimizations.batching()).build(id, () -> configuration);
    }
}
