package com.crashanalytics.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.crashanalytics.benchmarks.database.Database;
import com.crashanalytics.benchmarks.gateway.GatewayAdmin;
import com.crashanalytics.benchmarks.gateway.GatewayProcess;
import com.crashanalytics.benchmarks.gateway.ProcessProbe;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.phase.AnalyticsQueries;
import com.crashanalytics.benchmarks.phase.BatchedIngest;
import com.crashanalytics.benchmarks.phase.Bench;
import com.crashanalytics.benchmarks.phase.DashboardQuery;
import com.crashanalytics.benchmarks.phase.IngestStatements;
import com.crashanalytics.benchmarks.phase.LiveFeedLoad;
import com.crashanalytics.benchmarks.phase.OtherReads;
import com.crashanalytics.benchmarks.phase.PostGraphileComparison;
import com.crashanalytics.benchmarks.phase.SharedRateLimitCost;
import com.crashanalytics.benchmarks.phase.SingleRoundIngest;
import com.crashanalytics.benchmarks.phase.StartupTime;
import com.crashanalytics.benchmarks.report.Machine;
import com.crashanalytics.benchmarks.report.PhaseLog;
import com.crashanalytics.benchmarks.report.Report;
import com.crashanalytics.benchmarks.report.ReportJson;
import com.crashanalytics.benchmarks.report.ReportTable;
import com.crashanalytics.benchmarks.report.Row;
import com.crashanalytics.benchmarks.workload.PlayedSession;

/**
 * The one command: starts the packaged gateway (its own JVM, its own embedded PostgreSQL with pg_stat_statements),
 * runs the benchmarks in order (batched ingest, single-round ingest, the statements per round, then the dashboard
 * query, the analytics and the other reads at each data size, the data growing between sizes), samples the gateway's
 * memory throughout, prints the table and writes the JSON. A phase that fails is reported and the others still run.
 */
public final class BenchmarkCli {

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();
    private final List<PhaseLog> phases = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String postgres = "?";

    private BenchmarkCli(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        int failed = new BenchmarkCli(options, System.out).run();
        // The HTTP client's and JDBC's threads would keep the JVM alive for a while.
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs everything; returns how many phases failed. */
    private int run() throws Exception {
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String uptimeBefore = Machine.uptime();
        int failed = 0;
        say("starting the gateway from " + options.gatewayJar());
        Path gatewayLog = options.outDirectory().resolve(startedAt.toString().replace(":", "-") + "-gateway.log");
        try (GatewayProcess gateway = GatewayProcess.start(options.gatewayJar(), options.gatewayJvmArguments())) {
            try {
                failed += measure(gateway);
            } finally {
                gateway.copyLogTo(gatewayLog);
            }
        } catch (Exception e) {
            failed++;
            notes.add("the run stopped early: " + e);
            e.printStackTrace(out);
        }
        notes.add("Each ratio is gateway / baseline (for rounds/s higher is better; for ms lower is better), the "
                + "baseline measured in the same run on the same database, the contenders alternating trial by trial; "
                + "a ratio with a range is the median of per-trial ratios.");
        notes.add("A size (100k, 1M) counts the rounds generated for the analytics (24 bots on 4 platforms, COPY); the "
                + "rounds the ingest benchmarks and the dashboard's fleet logged are in the same tables too (the "
                + "dashboard's checks give the database's total).");
        notes.add("The machine may be shared: the load averages around the run and each phase are recorded with it.");
        Report report = new Report(1, startedAt.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                options.mode(), options.describe(), Machine.describe(postgres, options.gatewayJvmArguments(),
                uptimeBefore, Machine.uptime()), rows, phases, checks, notes);
        out.println();
        out.print(ReportTable.format(report));
        Path json = ReportJson.write(report, options.outDirectory());
        out.println();
        out.println("JSON: " + json);
        return failed;
    }

    /** Loads pg_stat_statements, then runs the phases with the probe on the gateway; returns how many failed. */
    private int measure(GatewayProcess gateway) throws Exception {
        Database database = new Database(gateway.jdbcUrl());
        // Statements are counted with pg_stat_statements, which the server loads only at its start.
        database.preloadStatementStatistics();
        say("restarting the gateway so its PostgreSQL loads pg_stat_statements");
        gateway.restart();
        database.createStatementStatistics();
        postgres = database.serverVersion();
        try (ProcessProbe probe = new ProcessProbe(gateway.pid(), gateway::postmaster)) {
            Thread.sleep(1_000);
            long idleKb = probe.residentKb();
            GatewayAdmin admin = new GatewayAdmin(gateway.base(), gateway.adminKey());
            admin.configurePlatform(PlayedSession.TABLE.gameName(), PlayedSession.TABLE.platformCode());
            Bench bench = new Bench(options, gateway, admin, database, probe,
                    new Alternation(probe::cpu, Machine::loadAverage), out, checks);
            probe.mark();
            int failed = phases(bench, probe);
            double peakMb = probe.sampledPeakKb() / 1024.0;
            rows.add(Row.compared("memory", "gateway peak RSS over the run (sampled every 100 ms)", "MB",
                            peakMb, "RSS idle after start", idleKb / 1024.0)
                    .target("< 512 MB", peakMb < 512)
                    .detail("kernelPeakRssMb (VmHWM)", probe.highWaterMarkKb() / 1024)
                    .detail("residentAtEndMb", probe.residentKb() / 1024));
            List<String> launches = List.of("first start, empty data directory (initdb, migrations)",
                    "restart on the same data");
            for (int i = 0; i < Math.min(launches.size(), gateway.startups().size()); i++) {
                double seconds = gateway.startups().get(i).toMillis() / 1000.0;
                rows.add(Row.absolute("start-up", "process start to first answered query, " + launches.get(i),
                        "seconds", seconds).target("< 10 s", seconds < 10));
            }
            return failed;
        }
    }

    private int phases(Bench bench, ProcessProbe probe) throws Exception {
        int failed = 0;
        if (options.runs("batched")) {
            failed += phase("ingest, batched", probe, () -> rows.addAll(new BatchedIngest(bench).run()));
        }
        if (options.runs("single")) {
            failed += phase("ingest, one round per request", probe,
                    () -> rows.addAll(new SingleRoundIngest(bench).run()));
        }
        if (options.runs("statements")) {
            failed += phase("ingest, statements per round", probe,
                    () -> rows.addAll(new IngestStatements(bench).run()));
        }
        if (options.runs("live")) {
            failed += phase("live feed", probe, () -> rows.addAll(new LiveFeedLoad(bench).run()));
        }
        if (options.runs("ratelimit")) {
            failed += phase("rate limits shared by replicas", probe,
                    () -> rows.addAll(new SharedRateLimitCost(bench).run()));
        }
        if (options.runs("startup")) {
            failed += phase("start-up, first and later starts", probe, () -> rows.addAll(new StartupTime(bench).run()));
        }
        DashboardQuery dashboard = new DashboardQuery(bench);
        if (options.runs("dashboard") || options.runs("postgraphile")) {
            failed += phase("dashboard: logging the fleet", probe, dashboard::logFleet);
        }
        if (options.runs("postgraphile")) {
            failed += phase("vs PostGraphile v5", probe,
                    () -> rows.addAll(new PostGraphileComparison(bench, dashboard).run()));
        }
        AnalyticsQueries analytics = options.runs("analytics") || options.runs("dashboard") || options.runs("reads")
                ? new AnalyticsQueries(bench) : null;
        OtherReads otherReads = analytics == null ? null : new OtherReads(bench, analytics);
        try {
            for (long size : options.sizes()) {
                if (analytics != null) {
                    failed += phase(String.format(Locale.ROOT, "data: up to %,d rounds", size), probe,
                            () -> analytics.growTo(size));
                }
                if (options.runs("dashboard")) {
                    failed += phase("dashboard query at " + label(size), probe,
                            () -> rows.addAll(dashboard.measure(size)));
                }
                if (options.runs("analytics")) {
                    failed += phase("analytics at " + label(size), probe, () -> rows.addAll(analytics.measure(size)));
                }
                if (options.runs("reads")) {
                    failed += phase("reads without a baseline at " + label(size), probe,
                            () -> rows.addAll(otherReads.measure(size)));
                }
            }
            if (analytics != null && options.runs("analytics")) {
                rows.addAll(analytics.growth());
            }
        } finally {
            if (analytics != null) {
                analytics.close();
            }
        }
        return failed;
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    /** Runs a phase, logs its time, load and the gateway's peak memory; a failure is noted, not thrown. */
    private int phase(String name, ProcessProbe probe, Phase phase) {
        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        int failed = 0;
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            failed = 1;
            notes.add("phase '" + name + "' failed: " + e);
            say("phase '" + name + "' FAILED: " + e);
            e.printStackTrace(out);
        }
        phases.add(new PhaseLog(name, (System.nanoTime() - started) / 1e9, loadBefore, Machine.loadAverage(),
                probe.mark() / 1024));
        return failed;
    }

    private static String label(long size) {
        return String.format(Locale.ROOT, "%,d rounds", size);
    }

    private void say(String message) {
        out.println("[benchmark] " + message);
        out.flush();
    }
}
