package com.crashanalytics.benchmarks.phase;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.crashanalytics.benchmarks.gateway.GatewayHttp;
import com.crashanalytics.benchmarks.gateway.GatewayProcess;
import com.crashanalytics.benchmarks.gateway.ProcessProbe;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.measure.Alternation.Contender;
import com.crashanalytics.benchmarks.measure.JitWarmUp;
import com.crashanalytics.benchmarks.measure.Latencies;
import com.crashanalytics.benchmarks.measure.Series;
import com.crashanalytics.benchmarks.report.Row;

/**
 * What sharing the rate limits across replicas costs a request: the same small authenticated request
 * ({@code { __typename }} with a BOT key, nothing else touches the database) sent one after the other to the gateway
 * with its buckets in PostgreSQL (the default, every replica's) and to a second replica of it on the same database
 * with buckets in its own memory ({@code GATEWAY_RATE_LIMIT_SHARED=false}), the two alternating trial by trial.
 * The difference of the medians is what the shared buckets cost (a take's round trip and row lock, since changeset
 * 0520 once per lease of a steady key's tokens). Both are warmed in turn until the second replica's JIT compilers are
 * quiet ({@link JitWarmUp#trialsUntilCompiled}): it starts cold for this phase, where the gateway has answered every
 * phase before, and a few warm-up trials left its compiler busy in the timed ones (its p50 read 1.5-2.2× the
 * gateway's).
 */
public final class SharedRateLimitCost {

    private static final String SECTION = "replicas";
    private static final String SMALL_REQUEST = GatewayHttp.body("{ __typename }", Map.of());
    private static final String BOT = "rate-limit-bot";

    private final Bench bench;

    public SharedRateLimitCost(Bench bench) {
        this.bench = bench;
    }

    public List<Row> run() throws Exception {
        int requests = Math.max(100, bench.options().singleRoundsPerTrial());
        bench.say("rate limits: starting a second replica on the same database with its buckets in memory");
        bench.admin().registerBot(BOT, "fixed_target");
        String key = bench.admin().botKey(BOT);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (GatewayProcess local = bench.gateway().startReplica(Map.of("GATEWAY_RATE_LIMIT_SHARED", "false"))) {
            List<Contender> contenders = List.of(
                    contender("shared", bench.gateway().graphQl(), key, requests, thread),
                    contender("local", local.graphQl(), key, requests, thread));
            Alternation.warmUp(contenders);
            try (ProcessProbe replica = new ProcessProbe(local.pid(), local::postmaster)) {
                JitWarmUp.Warmed warmed = new JitWarmUp(bench.options().jitWarmUp())
                        .trialsUntilCompiled(contenders, "local", replica::compilerThreadsCpu);
                bench.say(String.format(Locale.ROOT, "rate limits: %d more warm-up trials of each in %d s (the second"
                        + " replica's JIT compilers %s)", warmed.requests(), warmed.took().toSeconds(),
                        warmed.compilers()));
            }
            bench.say("rate limits: " + requests + " requests per trial, " + bench.options().trials()
                    + " trials, shared / in-memory buckets in turn");
            Map<String, Series> results = bench.alternation().run(bench.options().trials(), contenders);
            return rows(requests, results.get("shared"), results.get("local"));
        } finally {
            thread.shutdownNow();
        }
    }

    private static Contender contender(String name, URI endpoint, String key, int requests, ExecutorService thread) {
        GatewayHttp http = new GatewayHttp(endpoint, key);
        return new Contender(name, trial -> () -> SingleRoundIngest.concurrently(thread, 1,
                bot -> http::post, List.of(Collections.nCopies(requests, SMALL_REQUEST))));
    }

    private static List<Row> rows(int requests, Series shared, Series local) {
        String benchmark = "{ __typename } with a BOT key, 1 client x " + requests + " requests";
        String baseline = "the same on a replica with in-memory buckets";
        Latencies sharedLatencies = shared.latencies();
        Latencies localLatencies = local.latencies();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.compared(SECTION, benchmark, "p50 ms", sharedLatencies.millisAt(50), baseline,
                        localLatencies.millisAt(50))
                .detail("sharedCostP50Ms", Bench.round3(sharedLatencies.millisAt(50) - localLatencies.millisAt(50)))
                .detail("sharedLatencyMs", SingleRoundIngest.latencySummary(sharedLatencies))
                .detail("localLatencyMs", SingleRoundIngest.latencySummary(localLatencies))
                .detail("sharedCpuPerRequest", Bench.cpuPerOperation(shared)));
        rows.add(Row.compared(SECTION, benchmark, "p99 ms", sharedLatencies.millisAt(99), baseline,
                localLatencies.millisAt(99)));
        rows.add(Bench.withTrialRatios(Row.compared(SECTION, benchmark, "requests/s", shared.operationsPerSecond(),
                baseline, local.operationsPerSecond()), Alternation.throughputRatios(shared, local)));
        return rows;
    }
}
