package com.crashanalytics.benchmarks.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs contenders in alternation, A, B, A, B, ... (A, B, C, A, B, C with three), the same work each time, so a
 * change in the machine's load during the run (other builds, the JIT, autovacuum) falls on all of them alike.
 * Each trial is read between two CPU readings and two load averages.
 */
public final class Alternation {

    /**
     * One trial's work in two steps: {@link #prepare} (sessions, simulated rounds, request bodies; not measured)
     * returns the part that is. {@code trial} counts from 1, so each trial can use fresh sessions; 0 is a warm-up.
     */
    @FunctionalInterface
    public interface Work {
        Timed prepare(int trial) throws Exception;
    }

    /** The measured part of a trial. */
    @FunctionalInterface
    public interface Timed {
        Trial run() throws Exception;
    }

    public record Contender(String name, Work work) {
    }

    private final Supplier<CpuTime> cpu;
    private final Supplier<String> load;

    public Alternation(Supplier<CpuTime> cpu, Supplier<String> load) {
        this.cpu = cpu;
        this.load = load;
    }

    /** Runs each contender's trial 0 once, unmeasured: the JIT, caches and prepared statements warm up alike. */
    public static void warmUp(List<Contender> contenders) throws Exception {
        for (Contender contender : contenders) {
            contender.work().prepare(0).run();
        }
    }

    /** Every contender's trials, by contender name, in the order given. */
    public Map<String, Series> run(int trials, List<Contender> contenders) throws Exception {
        Map<String, List<Measurement>> measured = new LinkedHashMap<>();
        contenders.forEach(contender -> measured.put(contender.name(), new ArrayList<>()));
        for (int trial = 1; trial <= trials; trial++) {
            for (Contender contender : contenders) {
                Timed timed = contender.work().prepare(trial);
                String loadBefore = load.get();
                CpuTime before = cpu.get();
                Trial done = timed.run();
                CpuTime spent = cpu.get().minus(before);
                measured.get(contender.name()).add(new Measurement(done, spent, loadBefore, load.get()));
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        measured.forEach((name, list) -> series.put(name, new Series(name, list)));
        return series;
    }

    /** The ratio of A's throughput to B's in each trial (trial i of A next to trial i of B). */
    public static List<Double> throughputRatios(Series a, Series b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.trials().size(), b.trials().size()); i++) {
            ratios.add(a.trials().get(i).operationsPerSecond() / b.trials().get(i).operationsPerSecond());
        }
        return ratios;
    }

    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
