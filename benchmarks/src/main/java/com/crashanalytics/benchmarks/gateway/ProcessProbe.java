package com.crashanalytics.benchmarks.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.crashanalytics.benchmarks.measure.CpuTime;

/**
 * Reads the gateway's process from /proc (Linux): its resident memory, sampled every 100 ms on a daemon thread
 * (VmRSS, with the peak since the last {@link #mark()}), the kernel's own peak (VmHWM), and the CPU time of the
 * gateway's JVM (and of its collector's and JIT compilers' threads), of its PostgreSQL and of this harness. Elsewhere
 * than Linux the figures are 0.
 */
public final class ProcessProbe implements AutoCloseable {

    /** Clock ticks per second of /proc/[pid]/stat (USER_HZ): 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private final long pid;
    private final Supplier<Optional<ProcessHandle>> postmaster;
    private final AtomicLong peakSinceMarkKb = new AtomicLong();
    private final AtomicLong peakKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peerPid = -1;

    public ProcessProbe(long pid, Supplier<Optional<ProcessHandle>> postmaster) {
        this.pid = pid;
        this.postmaster = postmaster;
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            long rss = statusKb("VmRSS:");
            peakSinceMarkKb.accumulateAndGet(rss, Math::max);
            peakKb.accumulateAndGet(rss, Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest VmRSS sampled since the previous mark, in KiB; starts the next interval. */
    public long mark() {
        return peakSinceMarkKb.getAndSet(statusKb("VmRSS:"));
    }

    /** The highest VmRSS sampled since the probe started, in KiB. */
    public long sampledPeakKb() {
        return Math.max(peakKb.get(), statusKb("VmRSS:"));
    }

    /** The kernel's peak resident set size of the process since it started (VmHWM), in KiB. */
    public long highWaterMarkKb() {
        return statusKb("VmHWM:");
    }

    public long residentKb() {
        return statusKb("VmRSS:");
    }

    /** From now on {@link #cpu()} also reads this process (a peer server such as PostGraphile); -1 stops it. */
    public void watchPeer(long pid) {
        this.peerPid = pid;
    }

    /** CPU so far: the gateway's JVM, its PostgreSQL (ended backends included), this harness, the peer if any. */
    public CpuTime cpu() {
        long database = postmaster.get().map(pm -> {
            long[] own = stat(pm.pid());
            // utime + stime of the postmaster, cutime + cstime of the backends it has reaped, and the live ones.
            long total = own[0] + own[1] + own[2] + own[3];
            return total + pm.children().mapToLong(child -> {
                long[] backend = stat(child.pid());
                return backend[0] + backend[1];
            }).sum();
        }).orElse(0L);
        long[] gateway = stat(pid);
        long[] harness = stat(ProcessHandle.current().pid());
        long[] peer = peerPid < 0 ? new long[4] : stat(peerPid);
        // One pass over the JVM's threads for both: each pass reads every thread's stat file.
        long[] collectorAndCompilers = new long[2];
        eachThread((id, name, cpu) -> {
            if (isCollector(name)) {
                collectorAndCompilers[0] += cpu;
            } else if (isCompiler(name)) {
                collectorAndCompilers[1] += cpu;
            }
        });
        return new CpuTime(ticksToNanos(gateway[0] + gateway[1]), collectorAndCompilers[0], collectorAndCompilers[1],
                ticksToNanos(database), ticksToNanos(harness[0] + harness[1]), ticksToNanos(peer[0] + peer[1]));
    }

    /**
     * The CPU time (ns) of each of the gateway JVM's JIT compiler threads by thread id: how busy the JIT still is
     * (see {@code JitWarmUp}). Empty off Linux.
     */
    public Map<Long, Long> compilerThreadsCpu() {
        return threadsCpu(ProcessProbe::isCompiler);
    }

    /** Whether a thread of the gateway's JVM is one of its JIT compilers ({@code C1 CompilerThre…}, {@code C2 …}). */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    /**
     * Whether a thread of the gateway's JVM collects garbage: the parallel and G1 collectors' workers
     * ({@code GC Thread#0}, …), G1's concurrent threads, and the VM thread, which runs every stop-the-world pause (the
     * serial collector's whole work; for the others, the pause's bookkeeping, with the JVM's other rare safepoint
     * operations).
     */
    static boolean isCollector(String threadName) {
        return threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread");
    }

    /** The CPU time (ns) of the gateway JVM's threads whose name passes the test, by thread id. Empty off Linux. */
    Map<Long, Long> threadsCpu(Predicate<String> named) {
        Map<Long, Long> threads = new HashMap<>();
        eachThread((id, name, cpu) -> {
            if (named.test(name)) {
                threads.put(id, cpu);
            }
        });
        return threads;
    }

    /** A thread of the gateway's JVM: its id, its name and the CPU time (ns) it has used. */
    @FunctionalInterface
    private interface ThreadSeen {
        void accept(long id, String name, long cpuNanos);
    }

    /** Reads each of the gateway JVM's threads from {@code /proc/<pid>/task}; none off Linux. */
    private void eachThread(ThreadSeen seen) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    seen.accept(Long.parseLong(task.getFileName().toString()), name,
                            ticksToNanos(Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException notLinux) {
            // no threads to read
        }
    }

    private static long ticksToNanos(long ticks) {
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** utime, stime, cutime, cstime of a process in clock ticks; zeros when it is gone or this is not Linux. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17.
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
