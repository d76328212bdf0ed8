package com.crashanalytics.benchmarks.measure;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Latencies of single requests in an HdrHistogram (nanoseconds, 3 significant digits, up to 10 minutes). Not
 * thread-safe: each client thread records into its own and the trial merges them with {@link #add}.
 */
public final class Latencies {

    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);

    private final Histogram histogram = new Histogram(HIGHEST, 3);

    public void record(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos, HIGHEST)));
    }

    /** Forgets what was recorded (after a warm-up). */
    public void reset() {
        histogram.reset();
    }

    public Latencies add(Latencies other) {
        histogram.add(other.histogram);
        return this;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at this percentile (0–100) in milliseconds; NaN when nothing was recorded. */
    public double millisAt(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double meanMillis() {
        return count() == 0 ? Double.NaN : histogram.getMean() / 1e6;
    }

    public double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }
}
