package com.crashanalytics.benchmarks.measure;

/**
 * CPU spent, in nanoseconds, by who spent it: the gateway's JVM, its PostgreSQL (postmaster and every backend,
 * those that ended included), and the harness itself (its HTTP clients and JDBC threads share the machine).
 */
public record CpuTime(long gatewayNanos, long databaseNanos, long harnessNanos) {

    public static final CpuTime NONE = new CpuTime(0, 0, 0);

    public CpuTime minus(CpuTime earlier) {
        return new CpuTime(gatewayNanos - earlier.gatewayNanos, databaseNanos - earlier.databaseNanos,
                harnessNanos - earlier.harnessNanos);
    }

    public CpuTime plus(CpuTime other) {
        return new CpuTime(gatewayNanos + other.gatewayNanos, databaseNanos + other.databaseNanos,
                harnessNanos + other.harnessNanos);
    }
}
