package com.crashanalytics.benchmarks.measure;

/**
 * What one trial of one contender did: how many operations (rounds written, queries answered), in how much wall
 * time, with the latency of each request where a request is the unit (empty otherwise).
 */
public record Trial(long operations, long wallNanos, Latencies latencies) {

    public static Trial timed(long operations, long startedNanos, Latencies latencies) {
        return new Trial(operations, System.nanoTime() - startedNanos, latencies);
    }
}
