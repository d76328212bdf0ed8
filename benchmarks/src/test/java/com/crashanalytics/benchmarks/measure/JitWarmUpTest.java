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
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JitWarmUpTest {

    private static final Duration WINDOW = Duration.ofMillis(20);

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
    void untilCompiledGoesOnWhileTheCompilersAreBusyAndStopsOnceTheyAreQuiet() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        AtomicLong compilerNanos = new AtomicLong();
        // Busy (a whole window of CPU per look) for the first 4 looks after the first, quiet afterwards.
        Supplier<Map<Long, Long>> compilers = () -> {
            if (looks.getAndIncrement() <= 4) {
                compilerNanos.addAndGet(WINDOW.toNanos());
            }
            return Map.of(7L, compilerNanos.get());
        };
        JitWarmUp.Warmed warmed = new JitWarmUp(Duration.ofMillis(1), Duration.ofHours(1), WINDOW)
                .untilCompiled(threads, 2, () -> body -> { }, List.of("a"), compilers);

        assertThat(looks).as("the first look, 4 busy windows, then the quiet one").hasValue(6);
        assertThat(warmed.compilersQuiet()).isTrue();
        assertThat(warmed.requests()).isPositive();
    }

    @Test
    void untilCompiledStopsAtTheLongestWarmUpIfTheCompilersNeverRest() throws Exception {
        AtomicLong compilerNanos = new AtomicLong();
        JitWarmUp.Warmed warmed = new JitWarmUp(Duration.ofMillis(1), Duration.ofMillis(300), WINDOW)
                .untilCompiled(threads, 1, () -> body -> { }, List.of("a"),
                        () -> Map.of(7L, compilerNanos.addAndGet(WINDOW.toNanos())));

        assertThat(warmed.compilersQuiet()).isFalse();
        assertThat(warmed.requests()).isPositive();
    }

    @Test
    void aCompilerThreadThatEndedDoesNotReadAsNegativeWork() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        // Thread 1 busy and then gone, thread 2 new and idle: the second look sees no work, so the warm-up ends.
        Supplier<Map<Long, Long>> compilers = () -> looks.getAndIncrement() == 0
                ? Map.of(1L, 10 * WINDOW.toNanos()) : Map.of(2L, 0L);
        JitWarmUp.Warmed warmed = new JitWarmUp(Duration.ofMillis(1), Duration.ofHours(1), WINDOW)
                .untilCompiled(threads, 1, () -> body -> { }, List.of("a"), compilers);

        assertThat(warmed.compilersQuiet()).isTrue();
        assertThat(looks).hasValue(2);
    }

    @Test
    void aFailedRequestStopsTheWarmUpUntilCompiledWithItsError() {
        assertThatThrownBy(() -> new JitWarmUp(Duration.ofMillis(1), Duration.ofHours(1), WINDOW)
                .untilCompiled(threads, 2, () -> body -> {
                    throw new IllegalStateException("refused: " + body);
                }, List.of("a"), () -> Map.of())).isInstanceOf(ExecutionException.class).hasMessageContaining("refused: a");
    }

    @Test
    void trialsUntilCompiledRunsEveryContenderInTurnUntilTheWatchedOnesTrialsOfAWindowLeftTheCompilersQuiet()
            throws Exception {
        List<String> ran = new java.util.ArrayList<>();
        AtomicLong clock = new AtomicLong();
        AtomicLong compilerNanos = new AtomicLong();
        // Each trial of the JVM's contender takes 2 s; its compilers work a second in its trial -2 only. Over the
        // window of 5 s, trials -1 to -3 (6 s) were busy, -4 to -6 quiet: a quiet trial alone (-1, -3) does not end it.
        Alternation.Work jvm = trial -> () -> {
            ran.add("jvm " + trial);
            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            if (trial == -2) {
                compilerNanos.addAndGet(Duration.ofSeconds(1).toNanos());
            }
            return null;
        };
        Alternation.Work peer = trial -> () -> {
            ran.add("peer " + trial);
            clock.addAndGet(Duration.ofMillis(500).toNanos());
            return null;
        };

        JitWarmUp.Warmed warmed = new JitWarmUp(Duration.ofMillis(1), Duration.ofHours(1), Duration.ofSeconds(5),
                clock::get).trialsUntilCompiled(
                List.of(new Alternation.Contender("jvm", jvm), new Alternation.Contender("peer", peer)), "jvm",
                () -> Map.of(7L, compilerNanos.get()));

        assertThat(ran).containsExactly("jvm -1", "peer -1", "jvm -2", "peer -2", "jvm -3", "peer -3",
                "jvm -4", "peer -4", "jvm -5", "peer -5", "jvm -6", "peer -6");
        assertThat(warmed.requests()).as("trials of each").isEqualTo(6);
        assertThat(warmed.took()).isEqualTo(Duration.ofSeconds(15));
        assertThat(warmed.compilersQuiet()).isTrue();
    }

    @Test
    void trialsUntilCompiledStopsAtTheLongestWarmUpIfTheCompilersNeverRest() throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicLong compilerNanos = new AtomicLong();
        Alternation.Work jvm = trial -> () -> {
            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            compilerNanos.addAndGet(Duration.ofMillis(200).toNanos()); // 10 % of a core: busy
            return null;
        };

        JitWarmUp.Warmed warmed = new JitWarmUp(Duration.ofMillis(1), Duration.ofSeconds(20), Duration.ofSeconds(5),
                clock::get).trialsUntilCompiled(List.of(new Alternation.Contender("jvm", jvm)), "jvm",
                () -> Map.of(7L, compilerNanos.get()));

        assertThat(warmed.requests()).isEqualTo(10);
        assertThat(warmed.compilersQuiet()).isFalse();
    }

    @Test
    void aFailedRequestStopsTheWarmUpWithItsError() {
        assertThatThrownBy(() -> new JitWarmUp(Duration.ofSeconds(30)).run(threads, 1, () -> body -> {
            throw new IllegalStateException("refused: " + body);
        }, List.of("a"))).isInstanceOf(ExecutionException.class).hasMessageContaining("refused: a");
    }
}
