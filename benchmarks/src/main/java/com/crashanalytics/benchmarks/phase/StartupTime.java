package com.crashanalytics.benchmarks.phase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.benchmarks.gateway.GatewayProcess;
import com.crashanalytics.benchmarks.gateway.GatewayProcess.Launch;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.report.Row;

/**
 * From launching the packaged gateway ({@code java -jar}, the run's JVM options) to its first answered query, the way
 * an operator starts it: on the embedded PostgreSQL with an empty data directory (initdb and every migration), again
 * on the same data (a restart after a crash or deploy: nothing to migrate), and on an external PostgreSQL already
 * migrated ({@code SPRING_DATASOURCE_URL}: the benchmark's own gateway's database, reached as a second replica would),
 * from the jar and from the jar extracted the way the container image runs it (no class read from a nested jar).
 * Each launch also reports the CPU its JVM used by then and where the time went before Spring reported it started
 * ({@link com.crashanalytics.benchmarks.gateway.StartupLog}). A gateway of its own for the embedded launches, so the
 * gateway the other phases measure is not restarted under them.
 */
public final class StartupTime {

    private static final String SECTION = "start-up";
    private static final String TARGET = "< 10 s";

    private final Bench bench;

    public StartupTime(Bench bench) {
        this.bench = bench;
    }

    public List<Row> run() throws Exception {
        int trials = bench.options().trials();
        List<Launch> first;
        List<Launch> later;
        bench.say("start-up: a gateway of its own on an empty embedded data directory, then " + trials
                + " restarts on the same data");
        try (GatewayProcess own = GatewayProcess.start(bench.options().gatewayJar(),
                bench.options().gatewayJvmArguments())) {
            for (int i = 0; i < trials; i++) {
                own.restart();
            }
            first = own.launches().subList(0, 1);
            later = own.launches().subList(1, own.launches().size());
        }
        bench.say("start-up: " + trials + " starts on an external PostgreSQL already migrated (the benchmark's "
                + "database), from the jar, then from the jar extracted as the container image runs it");
        List<Launch> external = externalStarts(bench.options().gatewayJar(), trials);
        Path extractedJar = extracted(bench.options().gatewayJar());
        List<Launch> externalExtracted;
        try {
            externalExtracted = externalStarts(extractedJar, trials);
        } finally {
            GatewayProcess.deleteRecursively(extractedJar.getParent().getParent());
        }
        return List.of(
                row("first start, embedded PostgreSQL, empty data directory (initdb, every migration)", first),
                row("later start, embedded PostgreSQL on the same data (nothing to migrate)", later),
                row("start on an external PostgreSQL already migrated", external),
                row("the same, jar extracted (java -Djarmode=tools -jar ... extract, as the container image)",
                        externalExtracted));
    }

    private List<Launch> externalStarts(Path jar, int trials) throws IOException, InterruptedException {
        List<Launch> launches = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            try (GatewayProcess replica = bench.gateway().startReplica(jar, Map.of())) {
                launches.add(replica.launches().get(0));
            }
        }
        return launches;
    }

    /**
     * The jar extracted by Spring Boot's own tool: the application's jar next to its libraries as plain files, so no
     * class is read from a jar nested in another (what the container image's layers hold, too).
     */
    private static Path extracted(Path jar) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("gateway-extracted");
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                directory.resolve("gateway").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!extract.waitFor(5, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IllegalStateException("could not extract " + jar + " with -Djarmode=tools");
        }
        return directory.resolve("gateway").resolve(jar.getFileName());
    }

    private static Row row(String launch, List<Launch> launches) {
        List<Double> seconds = launches.stream().map(l -> seconds(l.toFirstAnswer())).toList();
        double median = Alternation.median(seconds);
        return Row.absolute(SECTION, "process start to first answered query, " + launch
                        + (launches.size() > 1 ? " (median of " + launches.size() + ")" : ""), "seconds", median)
                .target(TARGET, median < 10)
                .detail("secondsByLaunch", Bench.rounded(seconds))
                .detail("jvmCpuSecondsByLaunch", Bench.rounded(launches.stream().map(l -> seconds(l.jvmCpu())).toList()))
                .detail("medianSecondsByStage", medianStages(launches));
    }

    /** Each stage's median over the launches that logged it, in the order the stages happen. */
    static Map<String, Double> medianStages(List<Launch> launches) {
        Map<String, List<Double>> byStage = new LinkedHashMap<>();
        for (Launch launch : launches) {
            launch.stages().forEach((stage, value) -> byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(value));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        byStage.forEach((stage, values) -> medians.put(stage, Bench.round3(Alternation.median(values))));
        return medians;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
