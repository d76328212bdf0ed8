package com.crashanalytics.benchmarks.phase;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Single-round ingest: N concurrent bots, each with its own BOT key, session and HTTP connection, each sending
 * {@code logRound} one round after the other (two samples and a signal in each, asking back only whether it was a
 * duplicate and the round's id), against N threads that write the same rows straight to PostgreSQL, each on its own
 * connection, one transaction per round (the round's four INSERTs in one round trip, then COMMIT). Rounds per second
 * over the trial, and each request's latency (HdrHistogram), at every concurrency asked for.
 */
public final class SingleRoundIngest {

    private static final String SECTION = "ingest, one round per request";

    private final Bench bench;
    private final Instant start = Instant.now().minus(Duration.ofDays(10));
    private final List<GatewayHttp> bots = new ArrayList<>();

    public SingleRoundIngest(Bench bench) {
        this.bench = bench;
    }

    public List<Row> run() throws Exception {
        int most = bench.options().concurrency().stream().mapToInt(Integer::intValue).max().orElseThrow();
        bench.say("single-round ingest: registering " + most + " bots, each with its BOT key");
        for (int bot = 0; bot < most; bot++) {
            bench.admin().registerBot(botId(bot), "fixed_target");
            bots.add(new GatewayHttp(bench.gateway().graphQl(), bench.admin().botKey(botId(bot))));
        }
        List<Row> rows = new ArrayList<>();
        for (int concurrency : bench.options().concurrency()) {
            rows.addAll(atConcurrency(concurrency));
        }
        return rows;
    }

    private static String botId(int bot) {
        return "ingest-bot-%02d".formatted(bot + 1);
    }

    private List<Row> atConcurrency(int concurrency) throws Exception {
        int perBot = bench.options().roundsPerBot(concurrency);
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        List<Connection> connections = new ArrayList<>();
        try {
            List<RoundWriters.OnePerTransaction> writers = new ArrayList<>();
            for (int bot = 0; bot < concurrency; bot++) {
                Connection connection = bench.database().connect();
                connections.add(connection);
                writers.add(new RoundWriters.OnePerTransaction(connection));
            }
            List<Contender> contenders = List.of(
                    new Contender("gateway", trial -> {
                        List<List<String>> bodies = new ArrayList<>();
                        for (List<PlayedRound> rounds : sessions("gw", concurrency, perBot, trial)) {
                            bodies.add(rounds.stream().map(round -> GatewayHttp.body(Documents.LOG_ROUND,
                                    Map.of("input", round.input()))).toList());
                        }
                        return () -> concurrently(threads, concurrency, bot -> {
                            GatewayHttp http = bots.get(bot);
                            return body -> http.post(body);
                        }, bodies);
                    }),
                    new Contender("raw", trial -> {
                        List<List<PlayedRound>> sessions = sessions("raw", concurrency, perBot, trial);
                        return () -> concurrently(threads, concurrency, bot -> writers.get(bot)::write, sessions);
                    }));
            bench.say("single-round ingest, " + concurrency + " concurrent bots: warm-up");
            Alternation.warmUp(contenders);
            JitWarmUp.Warmed warmed = new JitWarmUp(bench.options().jitWarmUp())
                    .trialsUntilCompiled(contenders, "gateway", bench.probe()::compilerThreadsCpu);
            bench.say(String.format(Locale.ROOT, "single-round ingest, %d concurrent bots: %d more warm-up trials of each"
                    + " in %d s (the gateway's JIT compilers %s)", concurrency, warmed.requests(), warmed.took().toSeconds(),
                    warmed.compilers()));
            bench.analyze();
            bench.say("single-round ingest, " + concurrency + " concurrent bots x " + perBot + " rounds: "
                    + bench.options().trials() + " trials, gateway / raw JDBC in turn");
            Map<String, Series> results = bench.alternation().run(bench.options().trials(), contenders);
            return rows(concurrency, perBot, results.get("gateway"), results.get("raw"));
        } finally {
            threads.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** A fresh session per bot for a trial; bot i plays the same rounds for both contenders of a trial. */
    private List<List<PlayedRound>> sessions(String contender, int concurrency, int perBot, int trial) {
        List<List<PlayedRound>> sessions = new ArrayList<>();
        for (int bot = 0; bot < concurrency; bot++) {
            String sessionId = "single-c" + concurrency + "-" + contender + "-t" + trial + "-b" + (bot + 1);
            bench.admin().startSession(botId(bot), sessionId, PlayedSession.TABLE.gameName(),
                    PlayedSession.TABLE.platformCode(), PlayedSession.BANKROLL);
            sessions.add(PlayedSession.play(botId(bot), sessionId, perBot, start, 31L * trial + bot).rounds());
        }
        return sessions;
    }

    /** What one bot does with one of its items (sends a request, writes a round). */
    @FunctionalInterface
    interface Send<T> {
        void send(T item) throws Exception;
    }

    @FunctionalInterface
    interface BotSender<T> {
        Send<T> of(int bot);
    }

    /** Every bot works through its items at once; the trial's time runs from the common start to the last one done. */
    static <T> Trial concurrently(ExecutorService threads, int concurrency, BotSender<T> senders,
                                          List<List<T>> items) throws Exception {
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Latencies>> done = new ArrayList<>();
        long total = 0;
        for (int bot = 0; bot < concurrency; bot++) {
            Send<T> sender = senders.of(bot);
            List<T> own = items.get(bot);
            total += own.size();
            done.add(threads.submit(() -> {
                Latencies latencies = new Latencies();
                ready.countDown();
                go.await();
                for (T item : own) {
                    long sent = System.nanoTime();
                    sender.send(item);
                    latencies.record(System.nanoTime() - sent);
                }
                return latencies;
            }));
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        Latencies all = new Latencies();
        for (Future<Latencies> bot : done) {
            all.add(bot.get());
        }
        return Trial.timed(total, started, all);
    }

    private List<Row> rows(int concurrency, int perBot, Series gateway, Series raw) {
        String benchmark = "logRound, " + concurrency + (concurrency == 1 ? " bot" : " concurrent bots") + " x "
                + perBot + " rounds";
        String baseline = "raw JDBC, 1 transaction per round, " + concurrency + (concurrency == 1 ? " thread" : " threads");
        Latencies gatewayLatencies = gateway.latencies();
        Latencies rawLatencies = raw.latencies();
        Row throughput = Bench.withTrialRatios(Row.compared(SECTION, benchmark, "rounds/s", gateway.operationsPerSecond(),
                baseline, raw.operationsPerSecond()), Alternation.throughputRatios(gateway, raw));
        throughput = throughput.target(">= 0.5x", throughput.ratio() != null && throughput.ratio() >= 0.5)
                .detail("gatewayRoundsPerSecondByTrial", Bench.rounded(gateway.operationsPerSecondByTrial()))
                .detail("rawRoundsPerSecondByTrial", Bench.rounded(raw.operationsPerSecondByTrial()))
                .detail("gatewayCpuPerRound", Bench.cpuPerOperation(gateway))
                .detail("rawCpuPerRound", Bench.cpuPerOperation(raw))
                .detail("gatewayLatencyMs", latencySummary(gatewayLatencies))
                .detail("rawLatencyMs", latencySummary(rawLatencies));
        Row p50 = Row.compared(SECTION, benchmark, "p50 ms", gatewayLatencies.millisAt(50), baseline,
                rawLatencies.millisAt(50));
        Row p99 = Row.compared(SECTION, benchmark, "p99 ms", gatewayLatencies.millisAt(99), baseline,
                rawLatencies.millisAt(99));
        p99 = p99.target("<= 3x", p99.ratio() != null && p99.ratio() <= 3);
        return List.of(throughput, p50, p99);
    }

    static Map<String, Object> latencySummary(Latencies latencies) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", latencies.count());
        summary.put("p50", Bench.round3(latencies.millisAt(50)));
        summary.put("p90", Bench.round3(latencies.millisAt(90)));
        summary.put("p99", Bench.round3(latencies.millisAt(99)));
        summary.put("max", Bench.round3(latencies.maxMillis()));
        summary.put("mean", Bench.round3(latencies.meanMillis()));
        return summary;
    }
}
