package com.crashanalytics.domain.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import com.crashanalytics.domain.access.SharedTokenBuckets.TokenGrant;

/**
 * One replica's way into the {@link SharedTokenBuckets}: a key that sends steadily gets the tokens its next tenth of
 * a second will need in one take, and this replica spends them without a round trip; a key that sends now and then
 * takes one token per request, as before.
 *
 * <p>What it keeps of the allowance: every request spends a token taken from the shared bucket before it is let
 * through, so a key never gets more than its allowance across replicas, burst included, but for tokens a replica took
 * within the {@linkplain #LEASE_LIFETIME lease's lifetime} before they are spent. What it gives up, and how little: a
 * replica holds at most a hundredth of a key's allowance ahead ({@link #largestLease}), only while the bucket keeps
 * at least half its capacity (the take's own rule, so near its limit a key takes one token per request and gets its
 * allowance exactly), for at most {@link #LEASE_LIFETIME}; tokens left unspent when it ends go back into the bucket
 * with this replica's next take for the key.
 *
 * <p>How much it takes ahead follows the key's pace on this replica: twice the last lease when that one was spent
 * before it ended, else what was spent of it (at least one). A key that sends less than once a lease lifetime never
 * takes ahead.
 */
public final class LeasedTokenBuckets {

    /** How long tokens taken ahead stay spendable: short enough that they are the bucket's, not a saving. */
    public static final Duration LEASE_LIFETIME = Duration.ofMillis(100);

    /** A replica takes at most this fraction of an allowance ahead: 1 / 100. */
    private static final long LARGEST_LEASE_DIVISOR = 100;

    /**
     * How long a request waits for another request of the same key on this replica to finish its take. Far longer
     * than a take lasts; reached only when the database is slow or away, and then each request takes on its own.
     */
    private static final long RENEWAL_WAIT_MILLIS = 1_000;

    private final SharedTokenBuckets shared;
    private final LongSupplier nanoTime;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    public LeasedTokenBuckets(SharedTokenBuckets shared) {
        this(shared, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds, as {@link System#nanoTime()}), for tests that let leases end. */
    public LeasedTokenBuckets(SharedTokenBuckets shared, LongSupplier nanoTime) {
        this.shared = shared;
        this.nanoTime = nanoTime;
    }

    /** The most tokens a replica takes ahead from a bucket of this capacity. */
    public static long largestLease(long capacity) {
        return Math.max(1, capacity / LARGEST_LEASE_DIVISOR);
    }

    /** Spends one token of the bucket: empty when spent, else how long until the bucket holds one again. */
    public Optional<Duration> takeOne(String bucket, long capacity, Duration refillPeriod) {
        Lease lease = leases.computeIfAbsent(bucket, id -> new Lease(largestLease(capacity)));
        if (lease.trySpend(nanoTime.getAsLong())) {
            return Optional.empty();
        }
        if (!lease.awaitRenewal()) {
            // Another request of this key is still taking (the database is slow): take one token alone.
            return untilNextToken(shared.take(bucket, capacity, refillPeriod, 1, 0));
        }
        try {
            long startedAt = nanoTime.getAsLong();
            // The request that renewed while this one waited may have left tokens to spend.
            if (lease.trySpend(startedAt)) {
                return Optional.empty();
            }
            long returned = lease.end(startedAt);
            TokenGrant grant = shared.take(bucket, capacity, refillPeriod, lease.nextSize(), returned);
            if (grant.granted()) {
                // Counted from before the take: the tokens are spendable a little less long than they are held.
                lease.begin(grant.tokens(), startedAt);
            }
            return untilNextToken(grant);
        } finally {
            lease.renewal.unlock();
        }
    }

    private static Optional<Duration> untilNextToken(TokenGrant grant) {
        return grant.granted() ? Optional.empty() : Optional.of(grant.untilNextToken());
    }

    /**
     * The tokens one bucket lent this replica: the taker spends the first, the others are spent here until they run
     * out or the lease ends. One request of the key takes at a time ({@link #renewal}), so a request refused by the
     * bucket never races a lease that has tokens left.
     */
    private static final class Lease {

        private final ReentrantLock renewal = new ReentrantLock();
        private final long largest;
        private long tokens;
        private long left;
        private long endsAt;
        private long nextSize = 1;

        Lease(long largest) {
            this.largest = largest;
        }

        synchronized boolean trySpend(long now) {
            if (left > 0 && now - endsAt < 0) {
                left--;
                return true;
            }
            return false;
        }

        boolean awaitRenewal() {
            try {
                return renewal.tryLock(RENEWAL_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Ends the lease (spent or over): sizes the next one and gives back what is left to return to the bucket. */
        synchronized long end(long now) {
            boolean spentInTime = left == 0 && now - endsAt < 0 && tokens > 0;
            nextSize = spentInTime ? Math.min(largest, nextSize * 2) : Math.max(1, Math.min(largest, tokens - left));
            long unspent = left;
            left = 0;
            tokens = 0;
            return unspent;
        }

        synchronized long nextSize() {
            return nextSize;
        }

        /** {@code granted} tokens taken; the request that took them spends the first. */
        synchronized void begin(long granted, long startedAt) {
            tokens = granted;
            left = granted - 1;
            endsAt = startedAt + LEASE_LIFETIME.toNanos();
        }
    }
}
