package com.crashanalytics.benchmarks.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Unmeasured load that brings a server to its steady state before it is timed. One trial of warm-up
 * ({@link Alternation#warmUp}) prepares statements and fills caches, but a JVM compiles its hot paths over the first
 * tens of thousands of requests: measured on the packaged gateway, a {@code { __typename }} cost 5.9 ms of the JVM's
 * CPU in a quick run's few hundred requests and 0.5-0.8 ms after 30,000, when the C2 compiler had gone quiet. A
 * comparison of a cold JVM with a warm V8 would time the compiler, not the server.
 *
 * <p>How many requests that takes depends on the machine's load (a 30 s warm-up on a loaded 2-core machine sent the
 * gateway 1,534, far from compiled), so the JVM is warmed {@link #untilCompiled until its JIT compiler threads have
 * gone quiet}, at least {@code duration} and at most {@code longest}; the peer is then sent work for as long as the
 * JVM took ({@link #run(ExecutorService, int, Supplier, List, Duration)}), the same time for each.
 */
public final class JitWarmUp {

    /** How long each look at the compiler threads spans. */
    static final Duration WINDOW = Duration.ofSeconds(5);
    /** Compiler threads busy less than this share of one core over a window: the hot paths are compiled. */
    static final double QUIET_SHARE = 0.05;

    private final Duration duration;
    private final Duration longest;
    private final Duration window;
    /** What times the trials of {@link #trialsUntilCompiled} (nanoseconds). */
    private final LongSupplier clock;

    /** Warms for {@code duration}, or until the compilers are quiet but at least {@code duration} and at most 4 times it. */
    public JitWarmUp(Duration duration) {
        this(duration, duration.multipliedBy(4), WINDOW);
    }

    JitWarmUp(Duration duration, Duration longest, Duration window) {
        this(duration, longest, window, System::nanoTime);
    }

    JitWarmUp(Duration duration, Duration longest, Duration window, LongSupplier clock) {
        this.duration = duration;
        this.longest = longest;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Sends {@code requests} over and over, each client its own (made by {@code client}), until the time is up;
     * answers how many were sent. The first failure stops it and is thrown.
     */
    public long run(ExecutorService threads, int clients, Supplier<Consumer<String>> client, List<String> requests)
            throws Exception {
        return run(threads, clients, client, requests, duration);
    }

    /** The same as {@link #run(ExecutorService, int, Supplier, List)} for {@code time} instead of the duration. */
    public long run(ExecutorService threads, int clients, Supplier<Consumer<String>> client, List<String> requests,
                    Duration time) throws Exception {
        if (time.isZero() || requests.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + time.toNanos();
        return send(threads, clients, client, requests, () -> System.nanoTime() >= deadline, () -> { }, () -> { });
    }

    /**
     * Sends {@code requests} as {@link #run} does until a JVM's JIT compiler threads have gone quiet: over the last
     * window they used less than {@link #QUIET_SHARE} of one core. At least the duration, at most the longest.
     *
     * @param compilerThreads the CPU time (ns) of each of the JVM's compiler threads by thread id, read at each
     *                        window (an empty map, e.g. off Linux: nothing to wait for beyond the duration)
     */
    public Warmed untilCompiled(ExecutorService threads, int clients, Supplier<Consumer<String>> client,
                                List<String> requests, Supplier<Map<Long, Long>> compilerThreads) throws Exception {
        if (duration.isZero() || requests.isEmpty()) {
            return new Warmed(0, Duration.ZERO, true);
        }
        long start = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        CompilerActivity compilers = new CompilerActivity(compilerThreads);
        AtomicBoolean quiet = new AtomicBoolean();
        long sent = send(threads, clients, client, requests, stop::get, () -> stop.set(true), () -> {
            while (!stop.get()) {
                TimeUnit.NANOSECONDS.sleep(window.toNanos());
                long busy = compilers.busySinceLastLook();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                quiet.set(busy < QUIET_SHARE * window.toNanos());
                if (elapsed.compareTo(duration) >= 0 && quiet.get() || elapsed.compareTo(longest) >= 0) {
                    stop.set(true);
                }
            }
        });
        return new Warmed(sent, Duration.ofNanos(System.nanoTime() - start), quiet.get());
    }

    /**
     * For work measured in trials (e.g. one round per request): after each contender's trial 0
     * ({@link Alternation#warmUp}), more unmeasured trials of every contender in turn, numbered -1, -2, ... (fresh
     * sessions each), until the JIT compiler threads used less than {@link #QUIET_SHARE} of one core during the
     * trials of {@code watched} (the JVM's contender) of a whole window, or the longest warm-up has passed. Answers
     * the trials run.
     *
     * <p>The compilers are judged over the watched contender's trials of at least one window ({@link #WINDOW}, as
     * {@link #untilCompiled} judges them), not trial by trial: one bot's trial of 200 rounds takes about 2 s, and at
     * about 100 requests a second the request path's methods reach the C2 compiler's thresholds over minutes, in
     * bursts. Judged by one trial, a quiet one between bursts ended the warm-up after 51-67 s, and the compiler
     * threads then took 24-28 % of the gateway JVM's CPU during the measured trials (408 more C2 compilations of the
     * servlet stack, Jackson, the driver and the domain after the 70th second, 27 of them recompilations).
     */
    public Warmed trialsUntilCompiled(List<Alternation.Contender> contenders, String watched,
                                      Supplier<Map<Long, Long>> compilerThreads) throws Exception {
        if (duration.isZero()) {
            return new Warmed(0, Duration.ZERO, true);
        }
        long start = clock.getAsLong();
        CompilerActivity compilers = new CompilerActivity(compilerThreads);
        int trials = 0;
        boolean quiet = false;
        long watchedBusy = 0;
        long watchedTook = 0;
        while (!quiet && clock.getAsLong() - start < longest.toNanos()) {
            trials++;
            for (Alternation.Contender contender : contenders) {
                Alternation.Timed trial = contender.work().prepare(-trials);
                compilers.busySinceLastLook();
                long began = clock.getAsLong();
                trial.run();
                long busy = compilers.busySinceLastLook();
                if (contender.name().equals(watched)) {
                    watchedBusy += busy;
                    watchedTook += clock.getAsLong() - began;
                }
            }
            if (watchedTook >= window.toNanos()) {
                quiet = watchedBusy < QUIET_SHARE * watchedTook;
                watchedBusy = 0;
                watchedTook = 0;
            }
        }
        return new Warmed(trials, Duration.ofNanos(clock.getAsLong() - start), quiet);
    }

    /**
     * Clients send until {@code done}; {@code watch} runs meanwhile (it may end the sending). When it ends, or a client
     * fails first, {@code stopSending} is called.
     */
    private static long send(ExecutorService threads, int clients, Supplier<Consumer<String>> client,
                             List<String> requests, BooleanSupplier done, Runnable stopSending, Watch watch)
            throws Exception {
        List<Future<Long>> sent = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int offset = i;
            Consumer<String> send = client.get();
            sent.add(threads.submit(() -> {
                long count = 0;
                while (!done.getAsBoolean()) {
                    send.accept(requests.get((int) ((offset + count) % requests.size())));
                    count++;
                }
                return count;
            }));
        }
        try {
            watchUntilAFailure(sent, watch);
        } finally {
            stopSending.run();
        }
        long total = 0;
        for (Future<Long> each : sent) {
            total += each.get();
        }
        return total;
    }

    /** A client that failed has ended: the watch is not waited for then (its error is thrown by the caller). */
    private static void watchUntilAFailure(List<Future<Long>> sent, Watch watch) throws Exception {
        Thread watcher = new Thread(() -> {
            try {
                watch.run();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "jit-warm-up-watch");
        watcher.setDaemon(true);
        watcher.start();
        while (watcher.isAlive() && sent.stream().noneMatch(Future::isDone)) {
            watcher.join(100);
        }
        watcher.interrupt();
    }

    public Duration duration() {
        return duration;
    }

    /**
     * What a warm-up until compiled did: requests sent (or trials run), for how long, and whether the compilers were
     * quiet at the end.
     */
    public record Warmed(long requests, Duration took, boolean compilersQuiet) {

        /** How the warm-up ended, for the run's log. */
        public String compilers() {
            return compilersQuiet ? "quiet by then" : "still busy at the longest warm-up";
        }
    }

    @FunctionalInterface
    private interface Watch {
        void run() throws InterruptedException;
    }

    /** The compiler threads' CPU since the previous look; a thread that came or went counts only its time seen. */
    private static final class CompilerActivity {

        private final Supplier<Map<Long, Long>> threads;
        private Map<Long, Long> previous;

        CompilerActivity(Supplier<Map<Long, Long>> threads) {
            this.threads = threads;
            this.previous = threads.get();
        }

        long busySinceLastLook() {
            Map<Long, Long> now = threads.get();
            long busy = 0;
            for (Map.Entry<Long, Long> thread : now.entrySet()) {
                busy += Math.max(0, thread.getValue() - previous.getOrDefault(thread.getKey(), 0L));
            }
            previous = new HashMap<>(now);
            return busy;
        }
    }
}
