package com.crashanalytics.benchmarks.phase;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.crashanalytics.benchmarks.gateway.Documents;
import com.crashanalytics.benchmarks.gateway.GatewayHttp;
import com.crashanalytics.benchmarks.measure.Alternation;
import com.crashanalytics.benchmarks.measure.Alternation.Contender;
import com.crashanalytics.benchmarks.measure.JitWarmUp;
import com.crashanalytics.benchmarks.measure.Latencies;
import com.crashanalytics.benchmarks.measure.Measurement;
import com.crashanalytics.benchmarks.measure.Series;
import com.crashanalytics.benchmarks.measure.Trial;
import com.crashanalytics.benchmarks.peer.PostGraphileDocuments;
import com.crashanalytics.benchmarks.peer.PostGraphileProcess;
import com.crashanalytics.benchmarks.report.JsonComparison;
import com.crashanalytics.benchmarks.report.Row;
import tools.jackson.databind.JsonNode;

/**
 * The gateway against PostGraphile v5, the GraphQL-over-PostgreSQL server users would pick instead, on the same
 * database and data (the dashboard's fleet and whatever the phases before logged): a ladder of requests from the
 * smallest ({@code { __typename }}: what a request costs before any work) over one bot by id, a flat page of 100
 * rounds and the 2 × 2 × 5 dashboard with signals, to the 10 × 10 × 20 dashboard. Each is measured from one client
 * (latency) and from 8 concurrent clients (throughput), the gateway (DASHBOARD key) and PostGraphile alternating
 * trial by trial; both answers are checked to carry the same rows first.
 * <p>
 * PostGraphile reads the schema as the gateway's changelog left it, nothing added: it nests a list over a foreign key
 * only when an index serves it (its Amber preset's rule), and since rounds are partitioned by month the round →
 * signals key {@code (round_id, round_start_timestamp)} has one ({@code ix_signals_round}). The relation names follow
 * the partitioned tables' composite keys (see {@link PostGraphileDocuments}).
 */
public final class PostGraphileComparison {

    static final int CLIENTS = 8;
    private static final String SECTION = "vs PostGraphile v5";
    private static final int FLAT_ROUNDS = 100;
    /**
     * Members whose values, in document order, both answers must agree on; letter case aside, as the gateway's enums
     * are upper case and PostGraphile shows the text stored (outcome categories are stored in lower case).
     */
    private static final List<String> COMPARED = List.of("__typename", "botId", "strategyName", "sessionId",
            "roundNumber", "roundOutcome", "signalType", "outcomeCategory");

    private final Bench bench;
    private final DashboardQuery fleet;

    /** One rung of the ladder: the same request in each server's schema, and how many rounds it must answer. */
    private record Request(String name, String gateway, String peer, int rounds, boolean small) {
    }

    public PostGraphileComparison(Bench bench, DashboardQuery fleet) {
        this.bench = bench;
        this.fleet = fleet;
    }

    public List<Row> run() throws Exception {
        PostGraphileProcess.install(bench.options().postGraphileCache(), bench::say);
        bench.analyze();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try (PostGraphileProcess peer = PostGraphileProcess.start(bench.options().postGraphileCache(),
                bench.gateway().postgresUrl())) {
            bench.probe().watchPeer(peer.pid());
            String at = String.format(Locale.ROOT, "%,d rounds in the database",
                    bench.database().count("SELECT count(*) FROM crash_game_rounds"));
            List<Request> ladder = ladder();
            warmUp(ladder, peer.graphQl(), threads);
            List<Row> rows = new ArrayList<>();
            for (Request request : ladder) {
                rows.addAll(measure(request, peer.graphQl(), threads, at));
            }
            return rows;
        } finally {
            bench.probe().watchPeer(-1);
            threads.shutdownNow();
        }
    }

    /**
     * Both servers answer the small rungs of the ladder from {@link #CLIENTS} clients, unmeasured (see
     * {@link JitWarmUp}): the gateway until its JVM's JIT compilers have gone quiet (at least the warm-up's duration),
     * then PostGraphile for as long as that took. The trials then time compiled code on both sides.
     */
    private void warmUp(List<Request> ladder, URI peerEndpoint, ExecutorService threads) throws Exception {
        JitWarmUp warmUp = new JitWarmUp(bench.options().jitWarmUp());
        if (warmUp.duration().isZero()) {
            return;
        }
        List<Request> small = ladder.stream().filter(Request::small).toList();
        URI gatewayEndpoint = bench.gateway().graphQl();
        JitWarmUp.Warmed gateway = warmUp.untilCompiled(threads, CLIENTS,
                () -> new GatewayHttp(gatewayEndpoint, fleet.dashboardKey())::post,
                small.stream().map(Request::gateway).toList(), bench.probe()::compilerThreadsCpu);
        long peer = warmUp.run(threads, CLIENTS, () -> GatewayHttp.withoutKey(peerEndpoint)::post,
                small.stream().map(Request::peer).toList(), gateway.took());
        bench.say(String.format(Locale.ROOT, "vs PostGraphile: warmed up for %d s each (the gateway's JIT compilers %s), "
                + "%,d requests to the gateway and %,d to PostGraphile", gateway.took().toSeconds(),
                gateway.compilers(), gateway.requests(), peer));
    }

    private List<Request> ladder() {
        List<String> bots = fleet.botIds();
        if (bots.size() < DashboardQuery.BOTS) {
            throw new IllegalStateException("the dashboard's fleet is not logged");
        }
        String bot = bots.get(0);
        Map<String, Object> rounds = Map.of("botId", bot, "first", FLAT_ROUNDS);
        return List.of(
                new Request("{ __typename }", GatewayHttp.body(Documents.TYPENAME, Map.of()),
                        GatewayHttp.body(PostGraphileDocuments.TYPENAME, Map.of()), 0, true),
                new Request("one bot by id", GatewayHttp.body(Documents.BOT, Map.of("botId", bot)),
                        GatewayHttp.body(PostGraphileDocuments.BOT, Map.of("botId", bot)), 0, true),
                new Request(FLAT_ROUNDS + " rounds of a bot, flat", GatewayHttp.body(Documents.ROUNDS_OF_BOT, rounds),
                        GatewayHttp.body(PostGraphileDocuments.ROUNDS_OF_BOT, rounds), FLAT_ROUNDS, true),
                dashboard(bots, 2, 2, 5, true),
                dashboard(bots, DashboardQuery.BOTS, DashboardQuery.SESSIONS, DashboardQuery.ROUNDS, false));
    }

    private Request dashboard(List<String> bots, int botCount, int sessions, int rounds, boolean small) {
        return new Request(String.format(Locale.ROOT, "dashboard %d x %d x %d + signals", botCount, sessions, rounds),
                fleet.body(botCount, sessions, rounds),
                GatewayHttp.body(PostGraphileDocuments.dashboard(bots.subList(0, botCount)),
                        Map.of("sessions", sessions, "rounds", rounds)),
                botCount * sessions * rounds, small);
    }

    private List<Row> measure(Request request, URI peerEndpoint, ExecutorService threads, String at) throws Exception {
        URI gatewayEndpoint = bench.gateway().graphQl();
        Function<Integer, GatewayHttp> gatewayClient = i -> new GatewayHttp(gatewayEndpoint, fleet.dashboardKey());
        Function<Integer, GatewayHttp> peerClient = i -> GatewayHttp.withoutKey(peerEndpoint);
        sameRows(request, gatewayClient.apply(0), peerClient.apply(0), at);

        int requests = request.small() ? 10 * bench.options().dashboardQueriesPerTrial()
                : bench.options().dashboardQueriesPerTrial();
        int perClient = Math.max(3, (requests + CLIENTS - 1) / CLIENTS);

        // New clients (new connections) for every trial: one kept from the trial before would have been idle while the
        // other server's trial ran, long enough for the gateway to close it (GATEWAY_CONNECTION_TIMEOUT), and a POST
        // sent on a connection the server has just closed fails rather than being retried.
        List<Contender> oneClient = List.of(
                new Contender("gateway", trial -> {
                    GatewayHttp client = gatewayClient.apply(0);
                    return () -> sequentially(client, request.gateway(), requests);
                }),
                new Contender("postgraphile", trial -> {
                    GatewayHttp client = peerClient.apply(0);
                    return () -> sequentially(client, request.peer(), requests);
                }));
        List<Contender> eightClients = List.of(
                new Contender("gateway", trial -> {
                    List<GatewayHttp> clients = clients(gatewayClient);
                    return () -> SingleRoundIngest.concurrently(threads, CLIENTS, client -> clients.get(client)::post,
                            repeated(request.gateway(), perClient));
                }),
                new Contender("postgraphile", trial -> {
                    List<GatewayHttp> clients = clients(peerClient);
                    return () -> SingleRoundIngest.concurrently(threads, CLIENTS, client -> clients.get(client)::post,
                            repeated(request.peer(), perClient));
                }));
        bench.say("vs PostGraphile, " + request.name() + ": " + bench.options().trials() + " trials of " + requests
                + " requests from 1 client, then of " + CLIENTS + " x " + perClient + " from " + CLIENTS
                + " clients, gateway / PostGraphile in turn");
        Alternation.warmUp(oneClient);
        Alternation.warmUp(eightClients);
        Map<String, Series> alone = bench.alternation().run(bench.options().trials(), oneClient);
        Map<String, Series> together = bench.alternation().run(bench.options().trials(), eightClients);
        return rows(request, alone.get("gateway"), alone.get("postgraphile"), together.get("gateway"),
                together.get("postgraphile"));
    }

    private static List<GatewayHttp> clients(Function<Integer, GatewayHttp> client) {
        List<GatewayHttp> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(client.apply(i));
        }
        return clients;
    }

    private static List<List<String>> repeated(String body, int perClient) {
        return Collections.nCopies(CLIENTS, Collections.nCopies(perClient, body));
    }

    private static Trial sequentially(GatewayHttp http, String body, int requests) {
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long sent = System.nanoTime();
            http.post(body);
            latencies.record(System.nanoTime() - sent);
        }
        return Trial.timed(requests, started, latencies);
    }

    /** Both servers answer with the same rows in the same order, or the comparison is void. */
    private void sameRows(Request request, GatewayHttp gateway, GatewayHttp peer, String at) {
        JsonNode gatewayAnswer = JsonComparison.parse(gateway.post(request.gateway()));
        JsonNode peerAnswer = JsonComparison.parse(peer.post(request.peer()));
        for (String member : COMPARED) {
            List<String> gatewayValues = valuesOf(gatewayAnswer, member);
            List<String> peerValues = valuesOf(peerAnswer, member);
            if (!gatewayValues.equals(peerValues)) {
                throw new IllegalStateException(request.name() + ": the gateway and PostGraphile disagree on "
                        + member + ": " + abbreviated(gatewayValues) + " against " + abbreviated(peerValues));
            }
        }
        int rounds = gatewayAnswer.findValues("roundNumber").size();
        if (rounds != request.rounds()) {
            throw new IllegalStateException(request.name() + ": " + rounds + " rounds answered, expected "
                    + request.rounds());
        }
        bench.check(String.format(Locale.ROOT, "vs PostGraphile, %s at %s: both answer the same rows (%d rounds, "
                        + "%d signals)", request.name(), at, rounds, gatewayAnswer.findValues("signalType").size()));
    }

    private static List<String> valuesOf(JsonNode answer, String member) {
        return answer.findValues(member).stream().map(value -> value.toString().toUpperCase(Locale.ROOT)).toList();
    }

    private static String abbreviated(List<String> values) {
        String text = values.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private List<Row> rows(Request request, Series gatewayAlone, Series peerAlone, Series gatewayTogether,
                           Series peerTogether) {
        String baseline = "PostGraphile v5, same data";
        Latencies gatewayLatencies = gatewayAlone.latencies();
        Latencies peerLatencies = peerAlone.latencies();
        Row p50 = Bench.withTrialRatios(Row.compared(SECTION, request.name() + ", 1 client", "p50 ms",
                        gatewayLatencies.millisAt(50), baseline, peerLatencies.millisAt(50)),
                p50Ratios(gatewayAlone, peerAlone));
        p50 = p50.target(request.small() ? "<= 1.0x" : "< 1.0x (ahead)",
                        p50.ratio() != null && (request.small() ? p50.ratio() <= 1.0 : p50.ratio() < 1.0))
                .detail("gatewayP50MsByTrial", Bench.rounded(p50ByTrial(gatewayAlone)))
                .detail("postGraphileP50MsByTrial", Bench.rounded(p50ByTrial(peerAlone)))
                .detail("gatewayLatencyMs", SingleRoundIngest.latencySummary(gatewayLatencies))
                .detail("postGraphileLatencyMs", SingleRoundIngest.latencySummary(peerLatencies))
                .detail("gatewayCpuPerRequest", Bench.cpuPerOperation(gatewayAlone))
                .detail("postGraphileCpuPerRequest", Bench.cpuPerOperation(peerAlone));
        Row throughput = Bench.withTrialRatios(Row.compared(SECTION, request.name() + ", " + CLIENTS + " clients",
                        "requests/s", gatewayTogether.operationsPerSecond(), baseline,
                        peerTogether.operationsPerSecond()),
                Alternation.throughputRatios(gatewayTogether, peerTogether));
        throughput = throughput.target(">= 1.0x", throughput.ratio() != null && throughput.ratio() >= 1.0)
                .detail("gatewayRequestsPerSecondByTrial", Bench.rounded(gatewayTogether.operationsPerSecondByTrial()))
                .detail("postGraphileRequestsPerSecondByTrial", Bench.rounded(peerTogether.operationsPerSecondByTrial()))
                .detail("gatewayLatencyMs", SingleRoundIngest.latencySummary(gatewayTogether.latencies()))
                .detail("postGraphileLatencyMs", SingleRoundIngest.latencySummary(peerTogether.latencies()))
                .detail("gatewayCpuPerRequest", Bench.cpuPerOperation(gatewayTogether))
                .detail("postGraphileCpuPerRequest", Bench.cpuPerOperation(peerTogether));
        return List.of(p50, throughput);
    }

    private static List<Double> p50ByTrial(Series series) {
        return series.trials().stream().map(m -> m.trial().latencies().millisAt(50)).toList();
    }

    private static List<Double> p50Ratios(Series gateway, Series peer) {
        List<Double> ratios = new ArrayList<>();
        List<Measurement> peerTrials = peer.trials();
        for (int i = 0; i < Math.min(gateway.trials().size(), peerTrials.size()); i++) {
            ratios.add(gateway.trials().get(i).trial().latencies().millisAt(50)
                    / peerTrials.get(i).trial().latencies().millisAt(50));
        }
        return ratios;
    }
}
