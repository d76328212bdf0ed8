package com.crashanalytics.benchmarks.measure;

import java.util.List;

/** Every trial of one contender, in the order they ran. */
public record Series(String contender, List<Measurement> trials) {

    public Series {
        trials = List.copyOf(trials);
    }

    public long operations() {
        return trials.stream().mapToLong(m -> m.trial().operations()).sum();
    }

    /** Operations per second over all trials together. */
    public double operationsPerSecond() {
        double seconds = trials.stream().mapToLong(m -> m.trial().wallNanos()).sum() / 1e9;
        return operations() / seconds;
    }

    public List<Double> operationsPerSecondByTrial() {
        return trials.stream().map(Measurement::operationsPerSecond).toList();
    }

    /** The latencies of every trial together. */
    public Latencies latencies() {
        Latencies all = new Latencies();
        trials.forEach(m -> all.add(m.trial().latencies()));
        return all;
    }

    /** CPU milliseconds per operation, by who spent them. */
    public CpuTime cpu() {
        return trials.stream().map(Measurement::cpu).reduce(CpuTime.NONE, CpuTime::plus);
    }

    public double cpuMillisPerOperation(long nanos) {
        return nanos / 1e6 / operations();
    }
}
