package com.crashanalytics.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crashanalytics.benchmarks.peer.PostGraphileProcess;

/**
 * How much to measure. Three presets: {@code full} (the default: 100,000 and 1,000,000 rounds, 5 trials per
 * contender; 10 to 15 minutes on 2 cores), {@code quick} (10,000 and 100,000 rounds, 3 trials; a few minutes) and
 * {@code smoke} (tiny, one trial: proves the harness works, measures nothing worth reading). Options override a preset.
 *
 * @param sizes                    the analytics data sizes, in rounds, ascending
 * @param trials                   trials per contender (gateway and baseline alternate, trial by trial)
 * @param batchedRequestsPerTrial  logRounds requests of 500 rounds per batched-ingest trial
 * @param concurrency              concurrent bots for single-round ingest
 * @param singleRoundsPerTrial     rounds per single-round trial, shared by the bots (at least minRoundsPerBot each)
 * @param dashboardQueriesPerTrial dashboard queries per trial
 * @param analyticsRunsPerTrial    runs of each analytics query per trial, unless the budget runs out first
 * @param analyticsBudget          time a trial of one analytics query may take before it stops (after one run)
 * @param phases                   which benchmarks to run: batched, single, statements (SQL statements per logged
 *                                 round), live, ratelimit (shared against in-memory rate limits, on a second
 *                                 replica), startup (start to first answered query: embedded first and later starts,
 *                                 external database), dashboard, postgraphile, analytics, reads (lists and analytics
 *                                 without a hand-written baseline)
 * @param postGraphileCache        where the postgraphile phase installs PostGraphile v5 and Node 22 from npm
 */
public record BenchmarkOptions(String mode, List<Long> sizes, int trials, int batchedRequestsPerTrial,
                               List<Integer> concurrency, int singleRoundsPerTrial, int minRoundsPerBot,
                               int dashboardQueriesPerTrial, int analyticsRunsPerTrial, Duration analyticsBudget,
                               Set<String> phases, Path gatewayJar, Path outDirectory, List<String> gatewayJvmArguments,
                               Path postGraphileCache) {

    public static final Set<String> ALL_PHASES = Set.of("batched", "single", "statements", "live", "ratelimit",
            "startup", "dashboard", "postgraphile", "analytics", "reads");
    public static final Path DEFAULT_JAR = Path.of("graphql-api", "target", "crash-analytics-gateway.jar");
    public static final Path DEFAULT_OUT = Path.of("benchmark-results");

    public static final String USAGE = """
            Usage: java -jar benchmarks/target/crash-analytics-benchmarks.jar [options]
              --quick                 10,000 and 100,000 rounds, 3 trials: a few minutes
              --full                  100,000 and 1,000,000 rounds, 5 trials (the default)
              --smoke                 tiny sizes, one trial: checks the harness works
              --sizes N,N             analytics data sizes in rounds, ascending (e.g. 100000,1000000)
              --trials N              trials per contender, gateway and baseline alternating
              --concurrency N,N       concurrent bots for single-round ingest (default 1,16,64)
              --phases a,b            any of batched, single, statements, live, ratelimit, startup,
                                      dashboard, postgraphile, analytics, reads (default all)
              --postgraphile-cache DIR where the postgraphile phase installs PostGraphile v5 + Node 22 with npm ci
                                      (default ~/.cache/crash-analytics-benchmarks/postgraphile-5; needs npm)
              --gateway-jar PATH      the packaged gateway (default graphql-api/target/crash-analytics-gateway.jar)
              --gateway-jvm-args ARGS JVM options for the gateway's process, e.g. "-Xmx512m" (default none)
              --out DIR               where the JSON goes (default benchmark-results)
            Run from the repository root after: mvn -q -pl benchmarks -am package -DskipTests
            """;

    public BenchmarkOptions {
        sizes = List.copyOf(sizes);
        concurrency = List.copyOf(concurrency);
        phases = Set.copyOf(phases);
        gatewayJvmArguments = List.copyOf(gatewayJvmArguments);
        for (int i = 1; i < sizes.size(); i++) {
            if (sizes.get(i) <= sizes.get(i - 1)) {
                throw new IllegalArgumentException("--sizes must be ascending, got " + sizes);
            }
        }
        if (sizes.isEmpty() || trials < 1 || concurrency.isEmpty()) {
            throw new IllegalArgumentException("at least one size, one trial and one concurrency");
        }
        if (!ALL_PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases takes " + ALL_PHASES + ", got " + phases);
        }
    }

    public static BenchmarkOptions full() {
        return new BenchmarkOptions("full", List.of(100_000L, 1_000_000L), 5, 6, List.of(1, 16, 64), 800, 12, 20, 5,
                Duration.ofSeconds(5), ALL_PHASES, DEFAULT_JAR, DEFAULT_OUT, List.of(),
                PostGraphileProcess.defaultCache());
    }

    public static BenchmarkOptions quick() {
        return new BenchmarkOptions("quick", List.of(10_000L, 100_000L), 3, 2, List.of(1, 16, 64), 200, 4, 10, 3,
                Duration.ofSeconds(2), ALL_PHASES, DEFAULT_JAR, DEFAULT_OUT, List.of(),
                PostGraphileProcess.defaultCache());
    }

    public static BenchmarkOptions smoke() {
        return new BenchmarkOptions("smoke", List.of(1_000L, 2_000L), 1, 1, List.of(1, 4), 8, 1, 2, 1,
                Duration.ofSeconds(1), ALL_PHASES, DEFAULT_JAR, DEFAULT_OUT, List.of(),
                PostGraphileProcess.defaultCache());
    }

    /**
     * The shortest time the postgraphile phase warms each server up before its trials (see {@code JitWarmUp}; the
     * gateway's warm-up goes on until its JIT compilers are quiet, up to 4 times this): 60 s in full mode, 30 s in
     * quick, none in smoke; {@code -Dbenchmark.jitWarmUp=PT10S} sets another.
     */
    public Duration jitWarmUp() {
        String chosen = System.getProperty("benchmark.jitWarmUp");
        if (chosen != null) {
            return Duration.parse(chosen);
        }
        return switch (mode) {
            case "full" -> Duration.ofSeconds(60);
            case "quick" -> Duration.ofSeconds(30);
            default -> Duration.ZERO;
        };
    }

    /** Rounds each of {@code bots} concurrent bots sends per trial. */
    public int roundsPerBot(int bots) {
        return Math.max(minRoundsPerBot, (singleRoundsPerTrial + bots - 1) / bots);
    }

    public boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The settings as the JSON records them. */
    public Map<String, Object> describe() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sizes", sizes);
        settings.put("trials", trials);
        settings.put("roundsPerBatchedRequest", 500);
        settings.put("batchedRequestsPerTrial", batchedRequestsPerTrial);
        settings.put("concurrency", concurrency);
        settings.put("singleRoundsPerTrial", singleRoundsPerTrial);
        settings.put("dashboardQueriesPerTrial", dashboardQueriesPerTrial);
        settings.put("analyticsRunsPerTrial", analyticsRunsPerTrial);
        settings.put("analyticsBudgetSeconds", analyticsBudget.toSeconds());
        settings.put("phases", phases.stream().sorted().toList());
        settings.put("gatewayJvmArguments", gatewayJvmArguments);
        settings.put("postGraphileCache", postGraphileCache.toString());
        return settings;
    }

    /** Parses the command line over the preset it names (full when none). */
    public static BenchmarkOptions parse(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        BenchmarkOptions options = rest.remove("--smoke") ? smoke() : rest.remove("--quick") ? quick() : full();
        rest.remove("--full");
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String value = rest.get(++i);
            options = switch (option) {
                case "--sizes" -> options.with(o -> o.sizes = Arrays.stream(value.split(",")).map(String::trim)
                        .map(s -> s.replace("_", "")).map(Long::parseLong).toList());
                case "--trials" -> options.with(o -> o.trials = Integer.parseInt(value));
                case "--concurrency" -> options.with(o -> o.concurrency = Arrays.stream(value.split(","))
                        .map(String::trim).map(Integer::parseInt).toList());
                case "--phases" -> options.with(o -> o.phases = new LinkedHashSet<>(Arrays.stream(value.split(","))
                        .map(String::trim).toList()));
                case "--gateway-jar" -> options.with(o -> o.gatewayJar = Path.of(value));
                case "--gateway-jvm-args" -> options.with(o -> o.gatewayJvmArguments = value.isBlank() ? List.of()
                        : Arrays.asList(value.trim().split("\\s+")));
                case "--out" -> options.with(o -> o.outDirectory = Path.of(value));
                case "--postgraphile-cache" -> options.with(o -> o.postGraphileCache = Path.of(value));
                default -> throw new IllegalArgumentException("unknown option: " + option);
            };
        }
        return options;
    }

    private BenchmarkOptions with(java.util.function.Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build();
    }

    /** The fields of a copy being changed. */
    private static final class Builder {
        String mode;
        List<Long> sizes;
        int trials;
        List<Integer> concurrency;
        Set<String> phases;
        Path gatewayJar;
        Path outDirectory;
        List<String> gatewayJvmArguments;
        Path postGraphileCache;
        private final BenchmarkOptions from;

        Builder(BenchmarkOptions from) {
            this.from = from;
            this.mode = from.mode;
            this.sizes = from.sizes;
            this.trials = from.trials;
            this.concurrency = from.concurrency;
            this.phases = from.phases;
            this.gatewayJar = from.gatewayJar;
            this.outDirectory = from.outDirectory;
            this.gatewayJvmArguments = from.gatewayJvmArguments;
            this.postGraphileCache = from.postGraphileCache;
        }

        BenchmarkOptions build() {
            return new BenchmarkOptions(mode, sizes, trials, from.batchedRequestsPerTrial, concurrency,
                    from.singleRoundsPerTrial, from.minRoundsPerBot, from.dashboardQueriesPerTrial,
                    from.analyticsRunsPerTrial, from.analyticsBudget, phases, gatewayJar, outDirectory,
                    gatewayJvmArguments, postGraphileCache);
        }
    }
}
