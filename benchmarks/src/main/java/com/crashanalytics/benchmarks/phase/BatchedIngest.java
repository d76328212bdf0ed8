package com.crashanalytics.benchmarks.phase;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.crashanalytics.benchmarks.database.RoundWriters;
import com.crashanalytics.benchmarks.gateway.Documents;
import com.crashanalytics.benchmarks.gateway.GatewayHttp;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.measure.Alternation.Contender;
import com.crashanalytics.benchmarks.measure.JitWarmUp;
import com.crashanalytics.benchmarks.measure.Latencies;
import com.crashanalytics.benchmarks.measure.Series;
import com.crashanalytics.benchmarks.measure.Trial;
import com.crashanalytics.benchmarks.report.Row;
import com.crashanalytics.benchmarks.workload.PlayedRound;
import com.crashanalytics.benchmarks.workload.PlayedSession;

/**
 * Batched ingest: rounds per second through {@code logRounds} (500 rounds per request, each with two multiplier
 * samples and a signal, one bot with its BOT key, one request at a time) against a plain JDBC batch insert of the same
 * rows into the same tables, 500 rounds per transaction, and against COPY of them as the ceiling. The three alternate
 * trial by trial; each trial writes a fresh session of the same simulated rounds. Before the trials, the three warm up
 * in turn until the gateway's JIT compilers are quiet ({@link JitWarmUp#trialsUntilCompiled}), as the single-round and
 * dashboard phases do: this phase runs first, on a gateway just started, whose first few thousand rounds would time
 * its compiler rather than its logging.
 */
public final class BatchedIngest {

    public static final int ROUNDS_PER_REQUEST = 500;
    private static final String SECTION = "ingest, batched";
    private static final String BOT = "ingest-batched";

    private final Bench bench;
    private final Instant start = Instant.now().minus(Duration.ofDays(20));

    public BatchedIngest(Bench bench) {
        this.bench = bench;
    }

    public List<Row> run() throws Exception {
        bench.admin().registerBot(BOT, "fixed_target");
        GatewayHttp http = new GatewayHttp(bench.gateway().graphQl(), bench.admin().botKey(BOT));
        try (Connection jdbc = bench.database().connect(); Connection copy = bench.database().connect()) {
            RoundWriters.Batches batches = new RoundWriters.Batches(jdbc);
            RoundWriters.Copies copies = new RoundWriters.Copies(copy);
            List<Contender> contenders = List.of(
                    new Contender("gateway", trial -> {
                        List<String> bodies = new ArrayList<>();
                        for (List<PlayedRound> request : requests("gateway", trial)) {
                            bodies.add(GatewayHttp.body(Documents.LOG_ROUNDS,
                                    Map.of("input", Map.of("rounds", request.stream().map(PlayedRound::input).toList()))));
                        }
                        return () -> {
                            Latencies latencies = new Latencies();
                            long started = System.nanoTime();
                            for (String body : bodies) {
                                long sent = System.nanoTime();
                                http.post(body);
                                latencies.record(System.nanoTime() - sent);
                            }
                            return Trial.timed((long) bodies.size() * ROUNDS_PER_REQUEST, started, latencies);
                        };
                    }),
                    new Contender("jdbc", trial -> {
                        List<List<PlayedRound>> requests = requests("jdbc", trial);
                        return () -> {
                            long started = System.nanoTime();
                            for (List<PlayedRound> request : requests) {
                                batches.write(request);
                            }
                            return Trial.timed((long) requests.size() * ROUNDS_PER_REQUEST, started, new Latencies());
                        };
                    }),
                    new Contender("copy", trial -> {
                        List<List<PlayedRound>> requests = requests("copy", trial);
                        return () -> {
                            long started = System.nanoTime();
                            for (List<PlayedRound> request : requests) {
                                copies.write(request);
                            }
                            return Trial.timed((long) requests.size() * ROUNDS_PER_REQUEST, started, new Latencies());
                        };
                    }));
            bench.say("batched ingest: warm-up");
            Alternation.warmUp(contenders);
            JitWarmUp.Warmed warmed = new JitWarmUp(bench.options().jitWarmUp())
                    .trialsUntilCompiled(contenders, "gateway", bench.probe()::compilerThreadsCpu);
            bench.say(String.format(Locale.ROOT, "batched ingest: %d more warm-up trials of each in %d s (the gateway's"
                    + " JIT compilers %s)", warmed.requests(), warmed.took().toSeconds(), warmed.compilers()));
            bench.analyze();
            bench.say("batched ingest: " + bench.options().trials() + " trials of " + bench.options().batchedRequestsPerTrial()
                    + " x " + ROUNDS_PER_REQUEST + " rounds each, gateway / JDBC batch / COPY in turn");
            Map<String, Series> results = bench.alternation().run(bench.options().trials(), contenders);
            verifySameRows();
            return rows(results);
        }
    }

    /** A fresh session's rounds for a trial, cut into requests; the same rounds for every contender of a trial. */
    private List<List<PlayedRound>> requests(String contender, int trial) {
        String sessionId = "batched-" + contender + "-t" + trial;
        bench.admin().startSession(BOT, sessionId, PlayedSession.TABLE.gameName(), PlayedSession.TABLE.platformCode(),
                PlayedSession.BANKROLL);
        int requests = Math.max(trial == 0 ? 2 : 1, bench.options().batchedRequestsPerTrial());
        List<PlayedRound> rounds = PlayedSession.play(BOT, sessionId, requests * ROUNDS_PER_REQUEST, start,
                7_000 + trial).rounds();
        List<List<PlayedRound>> cut = new ArrayList<>();
        for (int from = 0; from < rounds.size(); from += ROUNDS_PER_REQUEST) {
            cut.add(rounds.subList(from, Math.min(rounds.size(), from + ROUNDS_PER_REQUEST)));
        }
        return cut;
    }

    /** The baselines are only a floor if they write what the gateway writes: the same rows in the same tables. */
    private void verifySameRows() throws Exception {
        List<Long> gateway = bench.database().rowsOfSession("batched-gateway-t1");
        for (String baseline : List.of("jdbc", "copy")) {
            List<Long> rows = bench.database().rowsOfSession("batched-" + baseline + "-t1");
            if (!rows.equals(gateway)) {
                throw new IllegalStateException("the " + baseline + " baseline wrote " + rows
                        + " rows (rounds, outcomes, samples, signals) where the gateway wrote " + gateway);
            }
        }
        bench.check("batched ingest: the gateway, the JDBC batch and COPY wrote the same rows per trial "
                + "(rounds, outcomes, samples, signals: " + gateway + ")");
    }

    private List<Row> rows(Map<String, Series> results) {
        Series gateway = results.get("gateway");
        Series jdbc = results.get("jdbc");
        Series copy = results.get("copy");
        String benchmark = "logRounds, " + ROUNDS_PER_REQUEST + " rounds/request (2 samples + 1 signal each)";
        Row versusJdbc = Bench.withTrialRatios(Row.compared(SECTION, benchmark, "rounds/s",
                        gateway.operationsPerSecond(), "JDBC batch insert, same rows", jdbc.operationsPerSecond()),
                Alternation.throughputRatios(gateway, jdbc));
        versusJdbc = versusJdbc.target(">= 0.5x", versusJdbc.ratio() != null && versusJdbc.ratio() >= 0.5)
                .detail("gatewayRoundsPerSecondByTrial", Bench.rounded(gateway.operationsPerSecondByTrial()))
                .detail("jdbcRoundsPerSecondByTrial", Bench.rounded(jdbc.operationsPerSecondByTrial()))
                .detail("gatewayRequestMsP50", Bench.round3(gateway.latencies().millisAt(50)))
                .detail("gatewayRequestMsP99", Bench.round3(gateway.latencies().millisAt(99)))
                .detail("gatewayCpuPerRound", Bench.cpuPerOperation(gateway))
                .detail("jdbcCpuPerRound", Bench.cpuPerOperation(jdbc));
        Row versusCopy = Bench.withTrialRatios(Row.compared(SECTION, benchmark, "rounds/s",
                        gateway.operationsPerSecond(), "COPY, same rows (ceiling)", copy.operationsPerSecond()),
                Alternation.throughputRatios(gateway, copy))
                .detail("copyRoundsPerSecondByTrial", Bench.rounded(copy.operationsPerSecondByTrial()))
                .detail("copyCpuPerRound", Bench.cpuPerOperation(copy));
        return List.of(versusJdbc, versusCopy);
    }
}
