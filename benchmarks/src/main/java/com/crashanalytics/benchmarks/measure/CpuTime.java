package com.crashanalytics.benchmarks.measure;

/**
 * CPU spent, in nanoseconds, by who spent it: the gateway's JVM, and of that its garbage collector (the collector's
 * worker threads and the VM thread, which runs the pauses) and its JIT compilers (the C1 and C2 compiler threads: a
 * figure measured while they are busy times the compiler as well as the gateway); its PostgreSQL (postmaster and every
 * backend, those that ended included); the harness itself (its HTTP clients and JDBC threads share the machine); and
 * the peer server the gateway is compared with, when one runs (PostGraphile's Node process; 0 otherwise).
 */
public record CpuTime(long gatewayNanos, long gatewayCollectorNanos, long gatewayCompilerNanos, long databaseNanos,
                      long harnessNanos, long peerNanos) {

    public static final CpuTime NONE = new CpuTime(0, 0, 0, 0, 0, 0);

    public CpuTime minus(CpuTime earlier) {
        return new CpuTime(gatewayNanos - earlier.gatewayNanos, gatewayCollectorNanos - earlier.gatewayCollectorNanos,
                gatewayCompilerNanos - earlier.gatewayCompilerNanos, databaseNanos - earlier.databaseNanos,
                harnessNanos - earlier.harnessNanos, peerNanos - earlier.peerNanos);
    }

    public CpuTime plus(CpuTime other) {
        return new CpuTime(gatewayNanos + other.gatewayNanos, gatewayCollectorNanos + other.gatewayCollectorNanos,
                gatewayCompilerNanos + other.gatewayCompilerNanos, databaseNanos + other.databaseNanos,
                harnessNanos + other.harnessNanos, peerNanos + other.peerNanos);
    }
}
