package com.crashanalytics.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void everyClientCyclesThroughEveryRequestAndTheCountIsWhatWasSent() throws Exception {
        Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
        AtomicInteger clients = new AtomicInteger();

        long total = new JitWarmUp(Duration.ofMillis(200)).run(threads, 3, () -> {
            clients.incrementAndGet();
            return body -> sent.computeIfAbsent(body, b -> new AtomicLong()).incrementAndGet();
        }, List.of("a", "b"));

        assertThat(clients).hasValue(3);
        assertThat(sent).containsOnlyKeys("a", "b");
        assertThat(sent.values().stream().mapToLong(AtomicLong::get).sum()).isEqualTo(total);
        assertThat(total).isGreaterThanOrEqualTo(3);
    }

    @Test
    void noTimeSendsNothing() throws Exception {
        assertThat(new JitWarmUp(Duration.ZERO).run(threads, 3, () -> body -> {
            throw new AssertionError("sent " + body);
        }, List.of("a"))).isZero();
    }

    @Test
    void aFailedRequestStopsTheWarmUpWithItsError() {
        assertThatThrownBy(() -> new JitWarmUp(Duration.ofSeconds(30)).run(threads, 1, () -> body -> {
            throw new IllegalStateException("refused: " + body);
        }, List.of("a"))).isInstanceOf(ExecutionException.class).hasMessageContaining("refused: a");
    }
}
