package com.crashanalytics.api.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time spent, split by who spent it: the gateway's request threads (Tomcat's {@code http-nio-*}), every other
 * thread of this JVM (the benchmark's HTTP clients and plain JDBC threads, the HTTP client's selector), the rest of
 * the JVM (garbage collection, JIT compilation), and the embedded PostgreSQL (the postmaster and its backends).
 * On a machine shared with other work, CPU per round is a steadier figure than rounds per second.
 */
final class CpuMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Optional<ProcessHandle> postmaster;

    CpuMeter(Path dataDirectory) {
        this.postmaster = postmaster(dataDirectory);
    }

    Reading read() {
        Map<Long, Long> server = new HashMap<>();
        Map<Long, Long> others = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                (info.getThreadName().startsWith("http-nio-") ? server : others).put(info.getThreadId(), cpu);
            }
        }
        long database = postmaster.map(pm -> Stream.concat(Stream.of(pm), pm.descendants())
                        .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                        .sum())
                .orElse(0L);
        return new Reading(System.nanoTime(), os.getProcessCpuTime(), server, others, database, loadAverage());
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Nanoseconds of CPU at one moment.
     *
     * @param jvm      the whole JVM process
     * @param server   the gateway's request threads, by thread id
     * @param others   every other Java thread (benchmark clients), by thread id
     * @param database the embedded PostgreSQL's processes
     */
    record Reading(long wallNanos, long jvm, Map<Long, Long> server, Map<Long, Long> others, long database,
                   String loadAverage) {

        /** CPU of these threads since the earlier reading (threads born since count from 0; read before they end). */
        static long spent(Map<Long, Long> earlier, Map<Long, Long> later) {
            long sum = 0;
            for (Map.Entry<Long, Long> thread : later.entrySet()) {
                sum += thread.getValue() - earlier.getOrDefault(thread.getKey(), 0L);
            }
            return sum;
        }
    }

    /** What happened between two readings, per round. */
    record Cost(double wallSeconds, double serverMillis, double clientMillis, double jvmOtherMillis,
                double databaseMillis, String loadBefore, String loadAfter) {

        static Cost between(Reading before, Reading after, int rounds) {
            double server = Reading.spent(before.server, after.server) / 1e6 / rounds;
            double others = Reading.spent(before.others, after.others) / 1e6 / rounds;
            double jvm = (after.jvm - before.jvm) / 1e6 / rounds;
            return new Cost((after.wallNanos - before.wallNanos) / 1e9, server, others,
                    Math.max(0, jvm - server - others), (after.database - before.database) / 1e6 / rounds,
                    before.loadAverage, after.loadAverage);
        }
    }
}
