package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.access.SharedTokenBuckets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared buckets under contention and over time: two limiters, as two replicas hold them, on the gateway's
 * bucket table. A new key's first requests race to create its row, 32 threads at once over both: the key gets
 * exactly its allowance, never one more, and its bucket is one row of {@code rate_limit_token_buckets}. The bucket
 * refills at its allowance's rate on PostgreSQL's clock. (GatewayReplicasIT does the same through two real replicas
 * over HTTP.)
 */
@GatewayIntegrationTest
class SharedRateLimitsIT {

    private static final RateLimits LIMITS = new RateLimits("1/1d", "1/1d", "150/1d", "1/1d", "10/1d");

    @Autowired
    SharedTokenBuckets sharedBuckets;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoReplicasHammeringANewKeyGiveItExactlyItsAllowance() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            RateLimiter replicaA = new RateLimiter(LIMITS, sharedBuckets);
            RateLimiter replicaB = new RateLimiter(LIMITS, sharedBuckets);
            ApiKey dashboard = key(ApiKeyRole.DASHBOARD);
            assertThat(replicaA.isShared()).isTrue();

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(32);
            List<Future<OptionalLong>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 400; i++) {
                    RateLimiter replica = i % 2 == 0 ? replicaA : replicaB;
                    answers.add(threads.submit((Callable<OptionalLong>) () -> {
                        start.await();
                        return replica.tryAcquire(dashboard);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<OptionalLong> answer : answers) {
                    OptionalLong retryAfter = answer.get();
                    accepted += retryAfter.isEmpty() ? 1 : 0;
                    // 150 a day: one token every 576 s.
                    retryAfter.ifPresent(seconds -> assertThat(seconds).isBetween(570L, 576L));
                }
                assertThat(accepted).as("attempt %d", attempt).isEqualTo(150);
            } finally {
                threads.shutdownNow();
            }
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

    private static ApiKey key(ApiKeyRole role) {
        return new ApiKey(UUID.randomUUID(), role.name().toLowerCase(), role, "cag_xxxxxxxx", List.of(), Instant.EPOCH,
                null, null);
    }
}
