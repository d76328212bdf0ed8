package com.crashanalytics.benchmarks.phase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live feed under load: 16 bots log one round per request while 10 dashboards each subscribe to every round
 * ({@code roundLogged} over graphql-transport-ws), against the same 16 bots with nobody subscribed, trial by trial.
 * Reports the ingest ratio (with ÷ without), the event latency from the gateway receiving the round (its
 * {@code loggedAt}, which comes before the write's own transaction, so the figure is an upper bound of commit to
 * client) to the subscriber's socket, p50 and p99, and the heap held by 1,000 idle subscriptions over 10 and over
 * 100 connections (measured after a full GC through {@code jcmd}). Before the trials, both contenders run in turn
 * until the gateway's JIT compilers are quiet ({@link JitWarmUp#trialsUntilCompiled}), as the ingest phases do.
 */
public final class LiveFeedLoad {

    private static final String SECTION = "live feed";
    private static final int BOTS = 16;
    private static final int SUBSCRIBERS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROUND_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    /**
     * A heap's or generation's own line of {@code jcmd GC.heap_info} ({@code garbage-first heap total 262144K, used
     * 81234K}; {@code PSYoungGen ...} and {@code ParOldGen ...} under the parallel collector, {@code def new generation
     * ...} and {@code tenured generation ...} under the serial one): the spaces within a generation and the metaspace
     * read otherwise.
     */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final String EVERY_ROUND = "subscription { roundLogged { eventId roundId loggedAt } }";

    private final Bench bench;
    private final Instant start = Instant.now().minus(Duration.ofDays(9));
    private final List<GatewayHttp> bots = new ArrayList<>();
    private final Latencies eventLatencies = new Latencies();
    /** From the bot's acknowledgement (the round committed before it) to each subscriber: a lower bound. */
    private final Latencies sinceAcknowledged = new Latencies();
    /** When each round's logRound answer reached its bot, by round id (epoch nanoseconds). */
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final AtomicLong eventsBeforeAcknowledgement = new AtomicLong();
    private String dashboardKey;

    public LiveFeedLoad(Bench bench) {
        this.bench = bench;
    }

    public List<Row> run() throws Exception {
        bench.say("live feed: registering " + BOTS + " bots and a DASHBOARD key");
        for (int bot = 0; bot < BOTS; bot++) {
            bench.admin().registerBot(botId(bot), "fixed_target");
            bots.add(new GatewayHttp(bench.gateway().graphQl(), bench.admin().botKey(botId(bot))));
        }
        dashboardKey = bench.admin().dashboardKey();
        int perBot = bench.options().roundsPerBot(BOTS);
        ExecutorService threads = Executors.newFixedThreadPool(BOTS);
        try {
            List<Contender> contenders = List.of(
                    new Contender("subscribed", trial -> withSubscribers(threads, perBot, trial)),
                    new Contender("unsubscribed", trial -> {
                        List<List<String>> bodies = bodies("none", perBot, trial);
                        return () -> logConcurrently(threads, bodies);
                    }));
            bench.say("live feed: warm-up");
            Alternation.warmUp(contenders);
            // Until the gateway's compilers are quiet with subscribers too, as the ingest phases warm up: after one
            // trial of each, the trials still sped up from the first to the last (100 to 270 rounds/s subscribed).
            JitWarmUp.Warmed warmed = new JitWarmUp(bench.options().jitWarmUp())
                    .trialsUntilCompiled(contenders, "subscribed", bench.probe()::compilerThreadsCpu);
            bench.say(String.format(Locale.ROOT, "live feed: %d more warm-up trials of each in %d s (the gateway's JIT"
                    + " compilers %s)", warmed.requests(), warmed.took().toSeconds(), warmed.compilers()));
            synchronized (eventLatencies) {
                eventLatencies.reset();
                sinceAcknowledged.reset();
                eventsBeforeAcknowledgement.set(0);
            }
            bench.say("live feed: " + BOTS + " bots x " + perBot + " rounds, " + bench.options().trials()
                    + " trials, " + SUBSCRIBERS + " subscribers / none in turn");
            Map<String, Series> results = bench.alternation().run(bench.options().trials(), contenders);
            List<Row> rows = new ArrayList<>(rows(perBot, results.get("subscribed"), results.get("unsubscribed")));
            rows.add(idleSubscriptions(10, 100)); // 1,000 subscriptions, as ten consoles of a hundred feeds
            rows.add(idleSubscriptions(100, 10)); // 1,000 subscriptions over a hundred connections
            return rows;
        } finally {
            threads.shutdownNow();
        }
    }

    private Alternation.Timed withSubscribers(ExecutorService threads, int perBot, int trial) throws Exception {
        List<List<String>> bodies = bodies("sub", perBot, trial);
        long expected = bodies.stream().mapToLong(List::size).sum();
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            subscribers.add(Subscriber.open(bench.gateway().base(), dashboardKey, 1, trial > 0 ? this::recordArrival : null));
        }
        return () -> {
            Trial trialDone = logConcurrently(threads, bodies);
            for (Subscriber subscriber : subscribers) {
                subscriber.awaitEvents(expected, Duration.ofSeconds(60));
                subscriber.close();
            }
            return trialDone;
        };
    }

    private List<List<String>> bodies(String contender, int perBot, int trial) {
        List<List<String>> bodies = new ArrayList<>();
        for (int bot = 0; bot < BOTS; bot++) {
            String sessionId = "live-" + contender + "-t" + trial + "-b" + (bot + 1);
            bench.admin().startSession(botId(bot), sessionId, PlayedSession.TABLE.gameName(),
                    PlayedSession.TABLE.platformCode(), PlayedSession.BANKROLL);
            List<PlayedRound> rounds = PlayedSession.play(botId(bot), sessionId, perBot, start, 53L * trial + bot).rounds();
            bodies.add(rounds.stream().map(round -> GatewayHttp.body(Documents.LOG_ROUND, Map.of("input", round.input())))
                    .toList());
        }
        return bodies;
    }

    private Trial logConcurrently(ExecutorService threads, List<List<String>> bodies) throws Exception {
        return SingleRoundIngest.concurrently(threads, BOTS, bot -> body -> {
            String answer = bots.get(bot).post(body);
            long now = nowEpochNanos();
            Matcher id = ROUND_ID.matcher(answer);
            if (id.find()) {
                acknowledgedAt.put(id.group(1), now);
            }
        }, bodies);
    }

    private List<Row> rows(int perBot, Series subscribed, Series unsubscribed) {
        String benchmark = "logRound, " + BOTS + " bots x " + perBot + " rounds, " + SUBSCRIBERS + " subscribers";
        Row throughput = Bench.withTrialRatios(Row.compared(SECTION, benchmark, "rounds/s",
                subscribed.operationsPerSecond(), "the same, nobody subscribed", unsubscribed.operationsPerSecond()),
                Alternation.throughputRatios(subscribed, unsubscribed));
        throughput = throughput.target(">= 0.9x", throughput.ratio() != null && throughput.ratio() >= 0.9)
                .detail("subscribedRoundsPerSecondByTrial", Bench.rounded(subscribed.operationsPerSecondByTrial()))
                .detail("unsubscribedRoundsPerSecondByTrial", Bench.rounded(unsubscribed.operationsPerSecondByTrial()));
        Latencies latencies;
        Latencies afterAck;
        synchronized (eventLatencies) {
            latencies = new Latencies().add(eventLatencies);
            afterAck = new Latencies().add(sinceAcknowledged);
        }
        String latency = "event latency, gateway received the round -> subscriber (" + latencies.count()
                + " events; upper bound of commit -> client)";
        String ackLatency = "event latency, bot's answer -> subscriber (" + afterAck.count() + " events, "
                + eventsBeforeAcknowledgement.get() + " of them before the answer, counted as 0; lower bound)";
        return List.of(throughput,
                Row.absolute(SECTION, latency, "p50 ms", latencies.millisAt(50)),
                Row.absolute(SECTION, latency, "p99 ms", latencies.millisAt(99)),
                Row.absolute(SECTION, ackLatency, "p50 ms", afterAck.millisAt(50)),
                Row.absolute(SECTION, ackLatency, "p99 ms", afterAck.millisAt(99)));
    }

    private Row idleSubscriptions(int connections, int perConnection) throws Exception {
        long before = heapAfterFullGcKb();
        List<Subscriber> idle = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                idle.add(Subscriber.open(bench.gateway().base(), dashboardKey, perConnection, null));
            }
            Thread.sleep(2_000);
            long after = heapAfterFullGcKb();
            int subscriptions = connections * perConnection;
            bench.say("live feed: " + subscriptions + " idle subscriptions hold " + (after - before) + " KB of heap");
            return Row.absolute(SECTION, subscriptions + " idle subscriptions (" + connections
                            + " connections x " + perConnection + "), heap after a full GC", "MB",
                            (after - before) / 1024.0)
                    .detail("heapBeforeKb", before).detail("heapAfterKb", after)
                    .detail("bytesPerSubscription", (after - before) * 1024 / subscriptions);
        } finally {
            for (Subscriber subscriber : idle) {
                subscriber.close();
            }
        }
    }

    /** The gateway's used heap after a full GC, in KB, through jcmd (GC.run, then GC.heap_info). */
    private long heapAfterFullGcKb() throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = Long.toString(bench.gateway().pid());
        new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor(60, TimeUnit.SECONDS);
        return usedHeapKb(text);
    }

    /**
     * The used heap in {@code jcmd GC.heap_info}'s text, in KB: every generation's used space added up. With a
     * generational collector (the run command's parallel one, or the serial one) the first figure is the young
     * generation's, nearly empty after a full GC, where the live objects are in the old one: read alone, it made 1,000
     * idle subscriptions hold nothing.
     */
    static long usedHeapKb(String heapInfo) {
        List<Long> used = HEAP_USED.matcher(heapInfo).results().map(figure -> Long.parseLong(figure.group(1))).toList();
        if (used.isEmpty()) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info: " + heapInfo);
        }
        return used.stream().mapToLong(Long::longValue).sum();
    }

    /** A subscriber's event: its latency from the gateway's receipt and from the bot's answer. */
    private void recordArrival(String roundId, long loggedNanos, long arrivedNanos) {
        Long acknowledged = acknowledgedAt.get(roundId);
        synchronized (eventLatencies) {
            eventLatencies.record(arrivedNanos - loggedNanos);
            if (acknowledged == null || acknowledged > arrivedNanos) {
                eventsBeforeAcknowledgement.incrementAndGet();
                sinceAcknowledged.record(0);
            } else {
                sinceAcknowledged.record(arrivedNanos - acknowledged);
            }
        }
    }

    static long nowEpochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** What a subscriber does with each round event: its round id, when the gateway logged it, when it arrived. */
    @FunctionalInterface
    private interface Arrivals {
        void arrived(String roundId, long loggedNanos, long arrivedNanos);
    }

    private static String botId(int bot) {
        return "live-bot-%02d".formatted(bot + 1);
    }

    /** A dashboard: one WebSocket with {@code subscriptions} roundLogged subscriptions, counting what arrives. */
    private static final class Subscriber implements WebSocket.Listener {
        private final AtomicLong events = new AtomicLong();
        private final CountDownLatch acknowledged = new CountDownLatch(1);
        private final Arrivals arrivals;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        private Subscriber(Arrivals arrivals) {
            this.arrivals = arrivals;
        }

        static Subscriber open(URI base, String key, int subscriptions, Arrivals arrivals) throws Exception {
            Subscriber subscriber = new Subscriber(arrivals);
            URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/graphql");
            subscriber.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(ws, subscriber).join();
            subscriber.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + key)));
            if (!subscriber.acknowledged.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no connection_ack");
            }
            for (int i = 1; i <= subscriptions; i++) {
                subscriber.send(Map.of("id", Integer.toString(i), "type", "subscribe",
                        "payload", Map.of("query", EVERY_ROUND)));
            }
            Thread.sleep(200); // registration is not acknowledged by the protocol
            return subscriber;
        }

        void awaitEvents(long expected, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (events.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (events.get() < expected) {
                throw new IllegalStateException("a subscriber got " + events.get() + " of " + expected + " events");
            }
        }

        private void send(Map<String, Object> message) {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        }

        void close() {
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                String type = message.path("type").asString();
                if ("connection_ack".equals(type)) {
                    acknowledged.countDown();
                } else if ("next".equals(type)) {
                    events.incrementAndGet();
                    if (arrivals != null) {
                        long arrived = nowEpochNanos();
                        JsonNode round = message.path("payload").path("data").path("roundLogged");
                        Instant logged = Instant.parse(round.path("loggedAt").asString());
                        arrivals.arrived(round.path("roundId").asString(),
                                logged.getEpochSecond() * 1_000_000_000L + logged.getNano(), arrived);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

    }
}
