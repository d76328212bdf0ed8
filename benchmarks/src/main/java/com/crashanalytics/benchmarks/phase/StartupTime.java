package com.crashanalytics.benchmarks.phase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.benchmarks.gateway.ExtractedGateway;
import com.crashanalytics.benchmarks.gateway.GatewayProcess;
import com.crashanalytics.benchmarks.gateway.GatewayProcess.Launch;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.report.Row;

/**
 * From launching the packaged gateway ({@code java -jar}, the run's JVM options) to its first answered query, the way
 * an operator starts it: on the embedded PostgreSQL with an empty data directory (initdb and every migration), again
 * on the same data (a restart after a crash or deploy: nothing to migrate), and on an external PostgreSQL already
 * migrated ({@code SPRING_DATASOURCE_URL}: the benchmark's own gateway's database, reached as a second replica would),
 * from the jar, from the jar extracted (no class read from a nested jar) and extracted with a class-data-sharing
 * archive trained the way the container image's build trains it ({@link ExtractedGateway}), the three alternating
 * launch by launch so a change in the machine's load falls on each; and the container's way again on an embedded
 * PostgreSQL of its own, first on an empty data directory then restarted (the extracted jar and its archive run by
 * hand without a database).
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
        List<String> jvmArguments = bench.options().gatewayJvmArguments();
        bench.say("start-up: a gateway of its own on an empty embedded data directory, then " + trials
                + " restarts on the same data");
        EmbeddedStarts embedded = embeddedStarts(bench.options().gatewayJar(), jvmArguments, trials);
        bench.say("start-up: " + trials + " starts each on an external PostgreSQL already migrated (the benchmark's "
                + "database), alternating: from the jar, from the jar extracted, and extracted with a class-data-sharing "
                + "archive trained as the container image's build trains it");
        List<Launch> external = new ArrayList<>();
        List<Launch> extracted = new ArrayList<>();
        List<Launch> extractedWithArchive = new ArrayList<>();
        EmbeddedStarts containerEmbedded;
        try (ExtractedGateway container = ExtractedGateway.extract(bench.options().gatewayJar())) {
            List<String> archive = container.trainClassDataSharing(jvmArguments);
            for (int i = 0; i < trials; i++) {
                external.add(externalStart(bench.options().gatewayJar(), List.of()));
                extracted.add(externalStart(container.jar(), List.of()));
                extractedWithArchive.add(externalStart(container.jar(), archive));
            }
            bench.say("start-up: the container's way (extracted, with the archive) on an empty embedded data "
                    + "directory, then " + trials + " restarts on the same data");
            List<String> withArchive = new ArrayList<>(jvmArguments);
            withArchive.addAll(archive);
            containerEmbedded = embeddedStarts(container.jar(), withArchive, trials);
        }
        return List.of(
                row("first start, embedded PostgreSQL, empty data directory (initdb, every migration)",
                        embedded.first()),
                row("later start, embedded PostgreSQL on the same data (nothing to migrate)", embedded.later()),
                row("start on an external PostgreSQL already migrated, java -jar", external),
                row("the same, jar extracted (java -Djarmode=tools -jar ... extract)", extracted),
                row("the same, jar extracted with a class-data-sharing archive (as the container image runs it)",
                        extractedWithArchive),
                row("first start, the container's way (extracted with the archive), embedded PostgreSQL, empty data "
                        + "directory", containerEmbedded.first()),
                row("later start, the container's way, embedded PostgreSQL on the same data",
                        containerEmbedded.later()));
    }

    /** A gateway's first start on an empty embedded data directory (a list of one), and its restarts on the same data. */
    private record EmbeddedStarts(List<Launch> first, List<Launch> later) {
    }

    /** A gateway of its own from this jar: its first start on an empty embedded data directory, then its restarts. */
    private static EmbeddedStarts embeddedStarts(Path jar, List<String> jvmArguments, int restarts)
            throws IOException, InterruptedException {
        try (GatewayProcess own = GatewayProcess.start(jar, jvmArguments)) {
            for (int i = 0; i < restarts; i++) {
                own.restart();
            }
            List<Launch> launches = own.launches();
            return new EmbeddedStarts(launches.subList(0, 1), launches.subList(1, launches.size()));
        }
    }

    private Launch externalStart(Path jar, List<String> extraJvmArguments) throws IOException, InterruptedException {
        try (GatewayProcess replica = bench.gateway().startReplica(jar, extraJvmArguments, Map.of())) {
            return replica.launches().get(0);
        }
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
