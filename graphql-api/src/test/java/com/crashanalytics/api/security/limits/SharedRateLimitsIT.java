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
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared buckets under contention: two limiters, as two replicas hold them (each its own bucket proxies, with
 * Bucket4j's batching), on the gateway's bucket table, 16 threads each asking for tokens of one key at once. The key
 * gets exactly its allowance over both, never one more; and a key's bucket is one row of {@code rate_limit_buckets}.
 * (GatewayReplicasIT does the same through two real replicas over HTTP.)
 */
@GatewayIntegrationTest
class SharedRateLimitsIT {

    private static final RateLimits LIMITS = new RateLimits("1/1d", "1/1d", "150/1d", "1/1d", "1/1d");

    @Autowired
    ProxyManager<String> sharedBuckets;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoReplicasHammeringOneKeyGiveItExactlyItsAllowance() throws Exception {
        RateLimiter replicaA = new RateLimiter(LIMITS, sharedBuckets);
        RateLimiter replicaB = new RateLimiter(LIMITS, sharedBuckets);
        ApiKey dashboard = new ApiKey(UUID.randomUUID(), "dashboard", ApiKeyRole.DASHBOARD, "cag_xxxxxxxx", List.of(),
                Instant.EPOCH, null, null);
        assertThat(replicaA.isShared()).isTrue();

        ExecutorService threads = Executors.newFixedThreadPool(32);
        List<Future<OptionalLong>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                RateLimiter replica = i % 2 == 0 ? replicaA : replicaB;
                answers.add(threads.submit((Callable<OptionalLong>) () -> replica.tryAcquire(dashboard)));
            }
            int accepted = 0;
            for (Future<OptionalLong> answer : answers) {
                accepted += answer.get().isEmpty() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(150);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForList("SELECT id FROM rate_limit_buckets WHERE id LIKE ?", String.class,
                dashboard.id() + "%")).containsExactly(dashboard.id() + "/150/86400000ms");
    }

    /**
     * Another replica has just inserted the key's row and not yet written its first state (Bucket4j creates a bucket
     * in two transactions). Requests that find it so, several at once, must initialise it, not fail: Bucket4j's
     * batching answers a batch of them with a null result (NullPointerException, a 500), seen in CI when two
     * replicas' first requests of a new key raced.
     */
    @Test
    void requestsThatFindABucketAnotherReplicaHasNotInitialisedYetInitialiseIt() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            RateLimiter replica = new RateLimiter(LIMITS, sharedBuckets);
            ApiKey dashboard = new ApiKey(UUID.randomUUID(), "dashboard", ApiKeyRole.DASHBOARD, "cag_xxxxxxxx",
                    List.of(), Instant.EPOCH, null, null);
            jdbc.update("INSERT INTO rate_limit_buckets (id, state) VALUES (?, NULL)",
                    dashboard.id() + "/150/86400000ms");

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(32);
            List<Future<OptionalLong>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    answers.add(threads.submit((Callable<OptionalLong>) () -> {
                        start.await();
                        return replica.tryAcquire(dashboard);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<OptionalLong> answer : answers) {
                    accepted += answer.get().isEmpty() ? 1 : 0;
                }
                assertThat(accepted).as("attempt %d", attempt).isEqualTo(150);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
