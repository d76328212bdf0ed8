package com.crashanalytics.benchmarks.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Unmeasured load that brings a server to its steady state before it is timed. One trial of warm-up
 * ({@link Alternation#warmUp}) prepares statements and fills caches, but a JVM compiles its hot paths over the first
 * tens of thousands of requests: measured on the packaged gateway, a {@code { __typename }} cost 5.9 ms of the JVM's
 * CPU in a quick run's few hundred requests and 0.83 ms after 30,000, when the C2 compiler had gone quiet. A
 * comparison of a cold JVM with a warm V8 would time the compiler, not the server. So each server is sent the work
 * from {@code clients} clients for a fixed time, the same time for each.
 */
public final class JitWarmUp {

    private final Duration duration;

    public JitWarmUp(Duration duration) {
        this.duration = duration;
    }

    /**
     * Sends {@code requests} over and over, each client its own (made by {@code client}), until the time is up;
     * answers how many were sent. The first failure stops it and is thrown.
     */
    public long run(ExecutorService threads, int clients, Supplier<Consumer<String>> client, List<String> requests)
            throws Exception {
        if (duration.isZero() || requests.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Long>> sent = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int offset = i;
            Consumer<String> send = client.get();
            sent.add(threads.submit(() -> {
                long count = 0;
                while (System.nanoTime() < deadline) {
                    send.accept(requests.get((int) ((offset + count) % requests.size())));
                    count++;
                }
                return count;
            }));
        }
        long total = 0;
        for (Future<Long> each : sent) {
            total += each.get();
        }
        return total;
    }

    public Duration duration() {
        return duration;
    }
}
