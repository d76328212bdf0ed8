package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.access.LeasedTokenBuckets;
import com.crashanalytics.domain.access.SharedTokenBuckets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared buckets under contention and over time: two limiters, as two replicas hold them, on the gateway's
 * bucket table. A new key's first requests race to create its row, 32 threads at once over both: the key gets
 * exactly its allowance, never one more, and its bucket is one row of {@code rate_limit_token_buckets}. The bucket
 * refills at its allowance's rate on PostgreSQL's clock. (GatewayReplicasIT does the same through two real replicas
 * over HTTP.) A key sending steadily takes its tokens a few at a time, never more than the bucket gives, and only a
 * single token at a time once its bucket is under half full.
 */
@GatewayIntegrationTest
class SharedRateLimitsIT {

    private static final Duration A_DAY = Duration.ofDays(1);
    private static final RateLimits LIMITS = new RateLimits("1/1d", "1/1d", "150/1d", "1/1d", "10/1d");

    @Autowired
    SharedTokenBuckets sharedBuckets;
    @Autowired
    JdbcTemplate jdbc;

    /** One replica taking ahead from the database's buckets, on a clock the test moves, its takes counted. */
    private final AtomicLong clock = new AtomicLong();
    private CountedTakes counted;
    private LeasedTokenBuckets takingAhead;

    @BeforeEach
    void oneReplicaTakingAhead() {
        counted = new CountedTakes(sharedBuckets);
        takingAhead = new LeasedTokenBuckets(counted, clock::get);
    }

    @Test
    void twoReplicasHammeringANewKeyGiveItExactlyItsAllowance() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            RateLimiter replicaA = new RateLimiter(LIMITS, sharedBuckets);
            RateLimiter replicaB = new RateLimiter(LIMITS, sharedBuckets);
            ApiKey dashboard = key(ApiKeyRole.DASHBOARD);
            assertThat(replicaA.isShared()).isTrue();

            List<OptionalLong> answers = sendAtOnce(400, dashboard, replicaA, replicaB);

            assertThat(answers.stream().filter(OptionalLong::isEmpty).count()).as("attempt %d", attempt)
                    .isEqualTo(150);
            // 150 a day: one token every 576 s.
            answers.stream().filter(OptionalLong::isPresent)
                    .forEach(retryAfter -> assertThat(retryAfter.getAsLong()).isBetween(570L, 576L));
            assertThat(jdbc.queryForList("SELECT id FROM rate_limit_token_buckets WHERE id LIKE ?", String.class,
                    dashboard.id() + "%")).containsExactly(dashboard.id() + "/150/86400000ms");
        }
    }

    @Test
    void aSpentBucketRefillsAtItsAllowancesRateOnTheDatabasesClock() {
        RateLimiter replica = new RateLimiter(LIMITS, sharedBuckets);
        ApiKey metrics = key(ApiKeyRole.METRICS);
        for (int i = 0; i < 10; i++) {
            assertThat(replica.tryAcquire(metrics)).as("request %d of 10 a day", i + 1).isEmpty();
        }
        // 10 a day: one token every 8,640 s, the next one whole 8,640 s after the last refill.
        assertThat(replica.tryAcquire(metrics).orElseThrow()).isBetween(8630L, 8640L);

        // Half a day later (the row's clock moved back instead of waiting): five tokens, not one more.
        jdbc.update("UPDATE rate_limit_token_buckets SET refilled_at = refilled_at - interval '12 hours' WHERE id = ?",
                metrics.id() + "/10/86400000ms");
        for (int i = 0; i < 5; i++) {
            assertThat(replica.tryAcquire(metrics)).as("request %d after half a day", i + 1).isEmpty();
        }
        assertThat(replica.tryAcquire(metrics)).isPresent();

        // Three days later: full again, and never more than the burst of 10.
        jdbc.update("UPDATE rate_limit_token_buckets SET refilled_at = refilled_at - interval '3 days' WHERE id = ?",
                metrics.id() + "/10/86400000ms");
        int accepted = 0;
        for (int i = 0; i < 15; i++) {
            accepted += replica.tryAcquire(metrics).isEmpty() ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);
    }

    @Test
    void aKeySendingSteadilyTakesAFewTokensAtATimeAndGivesBackWhatItDidNotSpend() {
        String bucket = UUID.randomUUID() + "/100000/1d";

        assertThat(sendSteadily(bucket, 100_000, 2_000)).as("requests let through").isEqualTo(2_000);
        // 1 + 2 + 4 + ... + 512 = 1,023, then 1,000 (a hundredth of the allowance): 2,023 tokens in 11 takes.
        assertThat(counted.grants).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1_000L);
        // 100,000 a day refill 1.16 a second: the test's own time adds a few.
        assertThat(tokensIn(bucket)).isBetween(100_000 - 2_023.0, 100_000 - 2_023 + 5.0);

        clock.addAndGet(LeasedTokenBuckets.LEASE_LIFETIME.toNanos());
        assertThat(takingAhead.takeOne(bucket, 100_000, A_DAY)).isEmpty();

        // The 23 left of the last lease went back; the next lease is the 977 spent of it.
        assertThat(counted.grants).hasSize(12).last().isEqualTo(977L);
        assertThat(jdbc.queryForObject("SELECT taken FROM rate_limit_token_buckets WHERE id = ?", Long.class, bucket))
                .isEqualTo(977L);
        assertThat(tokensIn(bucket)).isBetween(100_000 - 2_000 - 977.0, 100_000 - 2_000 - 977 + 5.0);
    }

    @Test
    void underHalfFullABucketGivesOneTokenATimeSoItsKeyGetsExactlyItsAllowance() {
        String bucket = UUID.randomUUID() + "/1000/1d";

        assertThat(sendSteadily(bucket, 1_000, 1_100)).isEqualTo(1_000);
        long left = 1_000;
        for (long granted : counted.grants) {
            left -= granted;
            if (granted > 1) {
                assertThat(left).as("left after a take of %d", granted).isGreaterThanOrEqualTo(500);
            }
        }
        assertThat(counted.grants).as("leases of 1, 2, 4, 8, then 10 (a hundredth of 1,000) while half full")
                .startsWith(1L, 2L, 4L, 8L, 10L, 10L);
        assertThat(counted.grants.subList(counted.grants.size() - 400, counted.grants.size()))
                .as("the last 300 tokens one at a time, then 100 refusals").containsOnly(1L, 0L);
        assertThat(counted.grants.stream().filter(granted -> granted > 1).mapToLong(Long::longValue).sum())
                .isLessThanOrEqualTo(500);
    }

    @Test
    void twoReplicasTakingAheadNeverGiveAKeyMoreThanItsAllowance() throws Exception {
        // 10,000 a day: each replica takes up to 100 ahead while the bucket is half full.
        RateLimits limits = new RateLimits("1/1d", "1/1d", "10000/1d", "1/1d", "10/1d");
        RateLimiter replicaA = new RateLimiter(limits, sharedBuckets);
        RateLimiter replicaB = new RateLimiter(limits, sharedBuckets);
        ApiKey dashboard = key(ApiKeyRole.DASHBOARD);

        List<OptionalLong> answers = sendAtOnce(12_000, dashboard, replicaA, replicaB);

        // Never more; fewer only by tokens a replica held when the other was refused, a lease at most each.
        assertThat(answers.stream().filter(OptionalLong::isEmpty).count()).isBetween(10_000L - 2 * 100, 10_000L);
    }

    /** The key's requests from 32 threads released together, spread evenly over the replicas; their answers. */
    private static List<OptionalLong> sendAtOnce(int requests, ApiKey key, RateLimiter... replicas) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<OptionalLong>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                RateLimiter replica = replicas[i % replicas.length];
                pending.add(threads.submit((Callable<OptionalLong>) () -> {
                    start.await();
                    return replica.tryAcquire(key);
                }));
            }
            start.countDown();
            List<OptionalLong> answers = new ArrayList<>();
            for (Future<OptionalLong> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** One request every 10 µs on the test's clock, to one replica taking ahead; how many were let through. */
    private int sendSteadily(String bucket, long capacity, int requests) {
        int accepted = 0;
        for (int i = 0; i < requests; i++) {
            accepted += takingAhead.takeOne(bucket, capacity, A_DAY).isEmpty() ? 1 : 0;
            clock.addAndGet(10_000);
        }
        return accepted;
    }

    private double tokensIn(String bucket) {
        return jdbc.queryForObject("SELECT tokens FROM rate_limit_token_buckets WHERE id = ?", Double.class, bucket);
    }

    /** The shared buckets, with the tokens each take got. */
    private static final class CountedTakes implements SharedTokenBuckets {

        final List<Long> grants = new ArrayList<>();
        private final SharedTokenBuckets buckets;

        CountedTakes(SharedTokenBuckets buckets) {
            this.buckets = buckets;
        }

        @Override
        public synchronized TokenGrant take(String bucket, long capacity, Duration refillPeriod, long wanted,
                long returned) {
            TokenGrant grant = buckets.take(bucket, capacity, refillPeriod, wanted, returned);
            grants.add(grant.tokens());
            return grant;
        }
    }

    private static ApiKey key(ApiKeyRole role) {
        return new ApiKey(UUID.randomUUID(), role.name().toLowerCase(), role, "cag_xxxxxxxx", List.of(), Instant.EPOCH,
                null, null);
    }
}
