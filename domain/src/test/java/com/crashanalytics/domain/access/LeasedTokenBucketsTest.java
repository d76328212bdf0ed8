package com.crashanalytics.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Taking ahead from a bucket, over a bucket in memory that grants what is asked while it has it (the database's
 * rule, half the capacity kept, is {@code SharedRateLimitsIT}'s) and a clock the test moves.
 */
class LeasedTokenBucketsTest {

    private static final Duration A_DAY = Duration.ofDays(1);
    private static final long MICROSECOND = 1_000;
    private static final long MILLISECOND = 1_000_000;

    private final AtomicLong clock = new AtomicLong(42);
    private final BucketInMemory bucket = new BucketInMemory(100_000);
    private final LeasedTokenBuckets leases = new LeasedTokenBuckets(bucket, clock::get);

    @Test
    void aKeySendingNowAndThenTakesOneTokenPerRequest() {
        for (int i = 0; i < 20; i++) {
            assertThat(leases.takeOne("key", 100_000, A_DAY)).isEmpty();
            clock.addAndGet(150 * MILLISECOND);
        }
        assertThat(bucket.takes).hasSize(20).allSatisfy(take -> {
            assertThat(take.wanted()).isEqualTo(1);
            assertThat(take.returned()).isZero();
        });
        assertThat(bucket.tokens).isEqualTo(100_000 - 20);
    }

    @Test
    void aKeySendingSteadilyTakesTwiceAsManyEachTimeUpToAHundredthOfItsAllowance() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(leases.takeOne("key", 100_000, A_DAY)).isEmpty();
            clock.addAndGet(10 * MICROSECOND);
        }
        // 1 + 2 + ... + 512 = 1,023 tokens, then 1,000 (a hundredth of 100,000) at a time: 5,023 for 5,000.
        assertThat(bucket.takes).extracting(Take::wanted)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1_000L, 1_000L, 1_000L, 1_000L);
        assertThat(bucket.tokens).as("what the bucket gave: spent, or held by the lease")
                .isEqualTo(100_000 - 1_023 - 4 * 1_000);
    }

    @Test
    void tokensLeftWhenTheLeaseEndsGoBackWithTheNextTakeAndTheNextLeaseIsWhatWasSpent() {
        for (int i = 0; i < 100; i++) {
            leases.takeOne("key", 100_000, A_DAY);
            clock.addAndGet(10 * MICROSECOND);
        }
        // Taken 1 + 2 + 4 + 8 + 16 + 32 + 64 = 127 for 100 requests: 27 left when the lease of 64 ends.
        assertThat(bucket.tokens).isEqualTo(100_000 - 127);
        clock.addAndGet(LeasedTokenBuckets.LEASE_LIFETIME.toNanos());

        assertThat(leases.takeOne("key", 100_000, A_DAY)).isEmpty();

        Take last = bucket.takes.get(bucket.takes.size() - 1);
        assertThat(last.returned()).isEqualTo(27);
        assertThat(last.wanted()).as("the 37 spent of the last lease of 64").isEqualTo(37);
        assertThat(bucket.tokens).isEqualTo(100_000 - 101 - 36);
    }

    @Test
    void aLeaseIsNotSpentAfterItEnds() {
        for (int i = 0; i < 4; i++) {
            leases.takeOne("key", 100_000, A_DAY);
        }
        // Leases of 1, 2 and 4: the fourth request left 3 of the last one.
        assertThat(bucket.takes).hasSize(3);
        clock.addAndGet(LeasedTokenBuckets.LEASE_LIFETIME.toNanos());

        leases.takeOne("key", 100_000, A_DAY);

        assertThat(bucket.takes).as("a take, though 3 tokens were left").hasSize(4);
        assertThat(bucket.takes.get(3).returned()).isEqualTo(3);
    }

    @Test
    void aRefusedRequestTakesNothingAheadAndSaysWhenTheNextTokenComes() {
        BucketInMemory small = new BucketInMemory(3);
        LeasedTokenBuckets smallLeases = new LeasedTokenBuckets(small, clock::get);
        for (int i = 0; i < 3; i++) {
            assertThat(smallLeases.takeOne("key", 300, A_DAY)).isEmpty();
        }
        assertThat(smallLeases.takeOne("key", 300, A_DAY)).contains(BucketInMemory.UNTIL_NEXT_TOKEN);
        assertThat(small.takes).extracting(Take::wanted).as("a lease of at most 3, a hundredth of 300")
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void eachBucketHasItsOwnLease() {
        leases.takeOne("key-a", 100_000, A_DAY);
        leases.takeOne("key-a", 100_000, A_DAY);
        leases.takeOne("key-b", 100_000, A_DAY);

        assertThat(bucket.takes).extracting(Take::bucket, Take::wanted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("key-a", 1L),
                        org.assertj.core.groups.Tuple.tuple("key-a", 2L),
                        org.assertj.core.groups.Tuple.tuple("key-b", 1L));
    }

    @Test
    void theLargestLeaseIsAHundredthOfTheAllowanceAndAtLeastOne() {
        assertThat(LeasedTokenBuckets.largestLease(40)).isEqualTo(1);
        assertThat(LeasedTokenBuckets.largestLease(199)).isEqualTo(1);
        assertThat(LeasedTokenBuckets.largestLease(6_000)).isEqualTo(60);
    }

    private record Take(String bucket, long wanted, long returned) {
    }

    /** One bucket that never refills: grants what is wanted while it has it, one when it has less. */
    private static final class BucketInMemory implements SharedTokenBuckets {

        static final Duration UNTIL_NEXT_TOKEN = Duration.ofSeconds(7);

        final List<Take> takes = new ArrayList<>();
        long tokens;

        BucketInMemory(long tokens) {
            this.tokens = tokens;
        }

        @Override
        public synchronized TokenGrant take(String id, long capacity, Duration refillPeriod, long wanted,
                long returned) {
            takes.add(new Take(id, wanted, returned));
            tokens += returned;
            long granted = Math.min(wanted, tokens);
            tokens -= granted;
            return new TokenGrant(granted, granted > 0 ? Duration.ZERO : UNTIL_NEXT_TOKEN);
        }
    }
}
