package com.crashanalytics.benchmarks.phase;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.benchmarks.BenchmarkOptions;
import com.crashanalytics.benchmarks.database.Database;
import com.crashanalytics.benchmarks.gateway.GatewayAdmin;
import com.crashanalytics.benchmarks.gateway.GatewayProcess;
import com.crashanalytics.benchmarks.gateway.ProcessProbe;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.measure.CpuTime;
import com.crashanalytics.benchmarks.measure.Series;
import com.crashanalytics.benchmarks.report.Row;

/**
 * What every benchmark works with: the options, the running gateway, set-up through its API, its database, the probe
 * on its process, the alternating runner, where progress goes, and where checks (things verified, not timed) are noted.
 */
public record Bench(BenchmarkOptions options, GatewayProcess gateway, GatewayAdmin admin, Database database,
                    ProcessProbe probe, Alternation alternation, PrintStream progress, List<String> checks) {

    public void say(String message) {
        progress.println("[benchmark] " + message);
        progress.flush();
    }

    public void check(String passed) {
        checks.add(passed);
        say("check: " + passed);
    }

    /**
     * Refreshes the planner's statistics after a warm-up. A database in use has them (autovacuum); a fresh one does
     * not, and without this COPY's first trials ran at a twentieth of the later ones (PostgreSQL spending 1.2 ms of CPU
     * per round instead of 0.16) and raw JDBC at a third of its speed, until autovacuum caught up.
     */
    void analyze() throws java.sql.SQLException {
        database.execute("ANALYZE");
    }

    /** CPU milliseconds per operation (a round written, a query answered) by who spent them, rounded for reading. */
    static Map<String, Object> cpuPerOperation(Series series) {
        CpuTime cpu = series.cpu();
        Map<String, Object> perOperation = new LinkedHashMap<>();
        perOperation.put("gatewayJvmMs", round3(series.cpuMillisPerOperation(cpu.gatewayNanos())));
        perOperation.put("gatewayCollectorMs", round3(series.cpuMillisPerOperation(cpu.gatewayCollectorNanos())));
        perOperation.put("gatewayCompilerMs", round3(series.cpuMillisPerOperation(cpu.gatewayCompilerNanos())));
        perOperation.put("postgresMs", round3(series.cpuMillisPerOperation(cpu.databaseNanos())));
        perOperation.put("harnessMs", round3(series.cpuMillisPerOperation(cpu.harnessNanos())));
        if (cpu.peerNanos() > 0) {
            perOperation.put("postGraphileNodeMs", round3(series.cpuMillisPerOperation(cpu.peerNanos())));
        }
        return perOperation;
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static List<Double> rounded(List<Double> values) {
        return values.stream().map(Bench::round3).toList();
    }

    /** The median and range of per-trial ratios on a row. */
    static Row withTrialRatios(Row row, List<Double> ratios) {
        double low = ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double high = ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return ratios.size() < 2 ? row.ratio(Alternation.median(ratios), null, null)
                : row.ratio(Alternation.median(ratios), low, high);
    }
}
