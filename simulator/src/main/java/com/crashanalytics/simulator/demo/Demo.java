package com.crashanalytics.simulator.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.crashanalytics.domain.bot.Registration;
import com.crashanalytics.simulator.gateway.ConfiguredPlatform;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.GatewayException;
import com.crashanalytics.simulator.gateway.IssuedApiKey;
import com.crashanalytics.simulator.gateway.Traffic;
import com.crashanalytics.simulator.gateway.Traffic.RetryReason;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.Simulation;
import com.crashanalytics.simulator.play.SimulationPlan;
import org.jspecify.annotations.Nullable;

/**
 * Fills a running gateway with demo data through its public GraphQL API. With an ADMIN key it configures the
 * platforms that are missing and issues each bot a BOT key of its own (revoked when the demo is done: their
 * secrets are never shown, so nobody else could use them); with one bot's BOT key it plays that bot alone. Bots
 * run concurrently, a thread each.
 *
 * <p>Running it again with the same seed and sizes sends the same data, which the gateway answers as duplicates:
 * the timeline is where the first run put it (found through the first sessions' start times), so every round is
 * identical. A new seed adds new bots' sessions under new ids.
 */
public final class Demo {

    /** The gateway refuses times more than 5 minutes ahead of its clock; new data ends this long before now. */
    static final Duration END_BEFORE_NOW = Duration.ofMinutes(1);
    private static final Duration MAX_AHEAD = Duration.ofMinutes(4);

    private final GatewayClient gateway;
    private final @Nullable String adminKey;
    private final @Nullable String botKey;
    private final DemoSetup setup;
    private final Clock clock;

    /**
     * @param gateway  a client to the gateway (its own key, if any, is not used)
     * @param adminKey an ADMIN key: configures platforms, issues the bots' keys
     * @param botKey   one bot's BOT key, for a single bot (the plan's only bot)
     */
    public Demo(GatewayClient gateway, @Nullable String adminKey, @Nullable String botKey, DemoSetup setup, Clock clock) {
        if (adminKey == null && botKey == null) {
            throw new IllegalArgumentException("the demo needs an ADMIN key or a bot's BOT key");
        }
        if (botKey != null && setup.plan().bots().size() != 1) {
            throw new IllegalArgumentException("a BOT key is one bot's: the demo then plays one bot, not "
                    + setup.plan().bots().size());
        }
        this.gateway = gateway;
        this.adminKey = adminKey;
        this.botKey = botKey;
        this.setup = setup;
        this.clock = clock;
    }

    public DemoResult run(PrintStream out) {
        long began = System.nanoTime();
        GatewayClient admin = adminKey == null ? null : gateway.withApiKey(adminKey);
        GatewayClient reader = admin != null ? admin : gateway.withApiKey(botKey);
        out.printf("gateway %s, %s%n", gateway.endpoints().size() == 1 ? gateway.endpoint()
                : gateway.endpoints().size() + " replicas " + gateway.endpoints() + " (bots spread over them)", admin != null
                ? "with an ADMIN key: one BOT key per bot, each bot logging with its own"
                : "with the BOT key of " + setup.plan().bots().get(0).botId());

        preparePlatforms(admin, reader, out);
        List<SimulatedSession> sessions = simulate(reader, out);
        Map<String, GatewayClient> bots = new LinkedHashMap<>();
        List<IssuedApiKey> issued = new ArrayList<>();
        List<SessionReport> reports = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = new ArrayList<>();
        try {
            for (BotProfile bot : setup.plan().bots()) {
                // Bot i on replica i mod n (with one replica, all on it).
                int replica = bots.size();
                if (botKey != null) {
                    bots.put(bot.botId(), gateway.withApiKey(botKey).spreadTo(replica));
                } else {
                    IssuedApiKey key = admin.createBotKey(keyLabel(bot), bot.botId());
                    issued.add(key);
                    bots.put(bot.botId(), gateway.withApiKey(key.secret()).spreadTo(replica));
                    out.printf("issued BOT key %s… for %s (%s)%n", key.prefix(), bot.botId(), bot.strategy().name());
                }
            }
            out.printf("%d bots sending %d sessions, %s%n", bots.size(), sessions.size(), setup.batchSize() == 1
                    ? "each round in its own logRound request, as a live bot does"
                    : "in logRounds batches of up to " + setup.batchSize() + " rounds");
            out.print(header());
            failures.addAll(play(bots, sessions, report -> {
                reports.add(report);
                out.print(line(report));
            }));
            try {
                PredictionRun.run(reader, sessions, setup.law(), setup.plan().seed(), setup.predictorSkill(), out);
            } catch (GatewayException e) {
                failures.add("the simulated predictions stopped: " + explain(e));
            }
        } finally {
            for (IssuedApiKey key : issued) {
                try {
                    admin.revokeApiKey(key.id());
                } catch (GatewayException e) {
                    failures.add("could not revoke the demo key " + key.prefix() + "…: " + e.getMessage());
                }
            }
            if (!issued.isEmpty()) {
                out.printf("revoked the %d demo BOT keys (their secrets were never shown)%n", issued.size());
            }
        }
        DemoResult result = new DemoResult(sessions, reports, failures, Duration.ofNanos(System.nanoTime() - began));
        printTotals(result, gateway.traffic(), out);
        return result;
    }

    private static String keyLabel(BotProfile bot) {
        return "simulator demo " + bot.botId();
    }

    /** Configures the tables no platform offers yet (ADMIN); an existing configuration is left as it is. */
    private void preparePlatforms(@Nullable GatewayClient admin, GatewayClient reader, PrintStream out) {
        Map<GameTable, BigDecimal> configured = reader.platforms().stream()
                .collect(Collectors.toMap(ConfiguredPlatform::table, ConfiguredPlatform::houseEdgePercent));
        BigDecimal houseEdge = setup.houseEdgePercent();
        for (GameTable table : setup.plan().tables()) {
            BigDecimal existing = configured.get(table);
            if (existing != null) {
                out.printf("platform %s: already configured, house edge %s%%%s%n", table, existing.toPlainString(),
                        existing.compareTo(houseEdge) == 0 ? "" : " (the simulated games pay " + houseEdge.toPlainString()
                                + "%: the fairness tests will notice)");
                continue;
            }
            if (admin == null) {
                throw new DemoException("platform " + table + " is not configured, and only an ADMIN key can configure "
                        + "it: run the demo once with --api-key, or choose configured tables with --games");
            }
            Registration registration = admin.configurePlatform(table, houseEdge);
            out.printf("platform %s: %s, house edge %s%%%n", table, registration, houseEdge.toPlainString());
        }
    }

    /**
     * Plays the plan where its data belongs: at the given start; else where an earlier run with this seed put it,
     * so a rerun repeats it exactly; else ending just before now.
     */
    private List<SimulatedSession> simulate(GatewayClient reader, PrintStream out) {
        Simulation simulation = new Simulation(setup.settings(), setup.law());
        SimulationPlan plan = setup.plan();
        Instant start = setup.start();
        if (start == null) {
            List<SimulatedSession> dryRun = simulation.run(plan.startingAt(Instant.EPOCH));
            Optional<Instant> earlier = earlierStart(reader, dryRun);
            if (earlier.isPresent()) {
                start = earlier.get();
                out.printf("seed %d was played here before (from %s): sending the same rounds again%n", plan.seed(), start);
            } else {
                Duration span = Duration.between(Instant.EPOCH, lastEnd(dryRun));
                start = clock.instant().minus(span).minus(END_BEFORE_NOW).truncatedTo(ChronoUnit.SECONDS);
            }
        }
        List<SimulatedSession> sessions = simulation.run(plan.startingAt(start));
        Instant end = lastEnd(sessions);
        if (end.isAfter(clock.instant().plus(MAX_AHEAD))) {
            throw new DemoException("the simulated rounds would run until " + end + ", in the future, which the gateway "
                    + "refuses; " + (setup.start() != null ? "choose an earlier --start" : "seed " + plan.seed()
                    + " was played here before with fewer rounds: use another --seed"));
        }
        out.printf("seed %d: %d sessions, %d rounds, played from %s to %s%n", plan.seed(), sessions.size(),
                sessions.stream().mapToLong(s -> s.rounds().size()).sum(), start, end);
        return sessions;
    }

    /** The start of the first session of any bot of the plan that the gateway already has. */
    private static Optional<Instant> earlierStart(GatewayClient reader, List<SimulatedSession> dryRun) {
        for (SimulatedSession session : dryRun) {
            if (session.startedAt().equals(Instant.EPOCH)) {
                Optional<Instant> stored = reader.sessionStart(session.sessionId());
                if (stored.isPresent()) {
                    return stored;
                }
            }
        }
        return Optional.empty();
    }

    private static Instant lastEnd(List<SimulatedSession> sessions) {
        return sessions.stream().map(SimulatedSession::endedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Every bot on its own thread; answers why bots stopped, if any did. */
    private List<String> play(Map<String, GatewayClient> bots, List<SimulatedSession> sessions,
                              java.util.function.Consumer<SessionReport> onSessionDone) {
        ExecutorService threads = Executors.newFixedThreadPool(bots.size(), runnable -> new Thread(runnable, "demo-bot"));
        try {
            Map<String, Future<List<SessionReport>>> running = new LinkedHashMap<>();
            for (BotProfile bot : setup.plan().bots()) {
                List<SimulatedSession> own = sessions.stream().filter(s -> s.botId().equals(bot.botId())).toList();
                running.put(bot.botId(), threads.submit(
                        new BotRun(bot, own, bots.get(bot.botId()), setup, onSessionDone)));
            }
            List<String> failures = new ArrayList<>();
            running.forEach((botId, future) -> {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failures.add(botId + " stopped: " + explain(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(botId + ": interrupted");
                }
            });
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The gateway's message, with what to do about the usual causes. */
    public static String explain(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof GatewayException refused) {
            if (refused.isClassified("CONFLICT")) {
                return message + " (this seed was played here before with other options: use another --seed)";
            }
            if (refused.isClassified("FORBIDDEN")) {
                return message + " (a BOT key acts only for its own bots: --bot-id must be the key's bot)";
            }
            if (refused.isClassified("UNAUTHORIZED")) {
                return message + " (check the key: the gateway prints its admin key on its first start)";
            }
        }
        return message;
    }

    private static final String COLUMNS = "%-11s %-24s %-16s %-19s %6s %6s %6s %6s  %-9s %9s %7s%n";

    static String header() {
        return String.format(Locale.ROOT, COLUMNS, "bot", "session", "table", "strategy", "rounds", "new", "dup",
                "errors", "ended", "P/L", "took");
    }

    static String line(SessionReport report) {
        SimulatedSession session = report.session();
        return String.format(Locale.ROOT, COLUMNS, session.botId(), session.sessionId(), session.table(),
                session.strategyName(), report.rounds(), report.written(), report.duplicates(), report.errors(),
                report.status(), money(session.profitLoss()),
                String.format(Locale.ROOT, "%.1f s", report.took().toMillis() / 1000.0));
    }

    private static void printTotals(DemoResult result, Traffic traffic, PrintStream out) {
        double seconds = Math.max(0.001, result.took().toMillis() / 1000.0);
        long rounds = result.roundsWritten() + result.duplicates();
        out.printf(Locale.ROOT, "%s in %.1f s: %d sessions, %d rounds (%d written, %d duplicates), %.0f rounds/s%n",
                result.succeeded() ? "done" : "stopped", seconds, result.reports().size(), rounds,
                result.roundsWritten(), result.duplicates(), rounds / seconds);
        out.printf(Locale.ROOT, "%d requests (%s); retries: %d rate-limited (waited %.1f s), %d without answer, "
                        + "%d server errors%n",
                traffic.totalRequests(), traffic.requests().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                traffic.retries(RetryReason.RATE_LIMITED), traffic.rateLimitWaitMillis() / 1000.0,
                traffic.retries(RetryReason.NO_ANSWER), traffic.retries(RetryReason.SERVER_ERROR));
        result.failures().forEach(failure -> out.println("FAILED: " + failure));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
