package com.crashanalytics.benchmarks.measure;

/** A trial with what it cost in CPU and the machine's load average around it. */
public record Measurement(Trial trial, CpuTime cpu, String loadBefore, String loadAfter) {

    public double operationsPerSecond() {
        return trial.operations() / (trial.wallNanos() / 1e9);
    }
}
