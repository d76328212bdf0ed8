package com.crashanalytics.api.replicas;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crashanalytics.api.testing.DemoFleet;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GatewayReplica;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.demo.Demo;
import com.crashanalytics.simulator.demo.DemoResult;
import com.crashanalytics.simulator.demo.DemoSetup;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.RetryPolicy;
import com.crashanalytics.simulator.gateway.Traffic;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.SimulationPlan;
import com.crashanalytics.simulator.play.SimulationSettings;
import com.crashanalytics.simulator.strategy.FixedTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway replicas, B and C, each the packaged jar in a process of its own, on the test's database (this test's
 * own gateway only issues keys and has every schedule off). They share what one gateway keeps: a key's allowance
 * (its bucket in PostgreSQL), the platform configuration (each replica's cache emptied by notification), and
 * scheduled work (one replica at a time by advisory lock). Then the load test: simulated bots spread over both, B
 * killed mid-run: every acknowledged round is stored once, every session's totals equal a recount of its rounds, a
 * key's allowance held over both replicas; and C takes over the scheduled work B shared.
 *
 * <p>The replicas' platform cache keeps a platform for an hour here, so only the notification can explain a change
 * seen at once. The tests run in order: the last two need B dead.
 */
@GatewayIntegrationTest
@TestMethodOrder(OrderAnnotation.class)
class GatewayReplicasIT {

    /** A DASHBOARD key's allowance on both replicas: a day to refill one, so none comes back during the test. */
    private static final int DASHBOARD_ALLOWANCE = 40;
    private static final String[] REPLICA_SETTINGS = {
            "--gateway.rate-limit.admin=1000000/1s",
            "--gateway.rate-limit.bot=1000000/1s",
            "--gateway.rate-limit.dashboard=" + DASHBOARD_ALLOWANCE + "/1d",
            "--gateway.platform-cache.max-age=1h",
            "--gateway.sessions.sweep-interval=1s",
            "--gateway.retention.schedule=-",
            "--gateway.alerts.evaluation-interval=0",
            "--gateway.alerts.delivery-interval=0"};
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Pattern ABANDONED = Pattern.compile("Abandoned (\\d+) session\\(s\\)");
    private static final String A_DASHBOARD_READ = "{ bots(first: 1) { totalCount } }";

    private static GatewayReplica replicaB;
    private static GatewayReplica replicaC;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startReplicas() throws Exception {
        // At once, as a deployment starts them: run alone, this class's database is not migrated yet, and the two
        // migrate it one after the other (OneMigrationAtATime).
        replicaB = GatewayReplica.launch("replica-b", REPLICA_SETTINGS);
        replicaC = GatewayReplica.launch("replica-c", REPLICA_SETTINGS);
        replicaB.awaitHealthy();
        replicaC.awaitHealthy();
    }

    @AfterAll
    static void stopReplicas() throws InterruptedException {
        for (GatewayReplica replica : new GatewayReplica[] {replicaB, replicaC}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    @Order(1)
    void aPlatformReconfiguredThroughOneReplicaIsUsedByTheOtherAtOnce() throws Exception {
        GraphQlClient throughB = new GraphQlClient(replicaB.port());
        GraphQlClient throughC = new GraphQlClient(replicaC.port());
        configure(throughC, "1000");
        WritePath writesB = new WritePath(throughB, jdbc);
        writesB.registerBot(WritePath.BOT);
        writesB.startSession(WritePath.BOT, WritePath.SESSION, "1000.00");
        assertThat(flagsOf(ok(writesB.logRound(round(1, "SKIP", null, "500", null)))))
                .as("500x is within 1..1000: B now holds the platform in its cache").isEmpty();

        configure(throughC, "100");

        AtomicInteger roundNumber = new AtomicInteger(1);
        awaitTrue("a round logged through B is judged by the range configured through C", () ->
                flagsOf(ok(writesB.logRound(round(roundNumber.incrementAndGet(), "SKIP", null, "500", null))))
                        .contains("MULTIPLIER_OUTSIDE_PLATFORM_RANGE"));
        assertThat(replicaB.log()).as("B never reconnected its listener, so the notification emptied its cache")
                .doesNotContain("listening for platform changes failed");
    }

    @Test
    @Order(2)
    void aKeyGetsItsAllowanceOnceHoweverItsRequestsAreSpreadOverTheReplicas() throws Exception {
        String dashboardKey = new TestApiKeys(port).dashboard();
        List<GraphQlClient> replicas = List.of(
                GraphQlClient.anonymous(replicaB.port()).withApiKey(dashboardKey),
                GraphQlClient.anonymous(replicaC.port()).withApiKey(dashboardKey));

        List<GraphQlResponse> answers = sendConcurrently(100, replicas);

        assertThat(answers.stream().filter(answer -> answer.status() == 200).count())
                .as("accepted over both replicas").isEqualTo(DASHBOARD_ALLOWANCE);
        List<GraphQlResponse> refused = answers.stream().filter(answer -> answer.status() != 200).toList();
        assertThat(refused).as("refused; the replicas logged:%n%s%n%s", errorsIn(replicaB), errorsIn(replicaC))
                .hasSize(100 - DASHBOARD_ALLOWANCE).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.classifications()).containsExactly("TOO_MANY_REQUESTS");
            // 40 a day: one more in 36 minutes.
            assertThat(answer.errors().get(0).path("extensions").path("retryAfterSeconds").asLong())
                    .isBetween(2000L, 2160L);
        });
    }

    /** The lines a replica logged at ERROR, with the stack traces after them. */
    private static String errorsIn(GatewayReplica replica) {
        String log = replica.log();
        int firstError = log.indexOf(" ERROR ");
        return firstError < 0 ? "(no errors)" : log.substring(Math.max(0, log.lastIndexOf('\n', firstError)));
    }

    @Test
    @Order(3)
    void silentSessionsAreAbandonedOnceEachByWhicheverReplicaHoldsTheSweepsLock() throws Exception {
        int before = abandonedInLogs(replicaB) + abandonedInLogs(replicaC);
        List<String> sessions = silentSessions("both", 6);

        awaitTrue("every silent session abandoned", () -> abandonedOf(sessions) == sessions.size());

        awaitTrue("the replicas' logs account for every abandoned session",
                () -> abandonedInLogs(replicaB) + abandonedInLogs(replicaC) - before >= sessions.size());
        assertThat(abandonedInLogs(replicaB) + abandonedInLogs(replicaC) - before)
                .as("no session abandoned by both replicas").isEqualTo(sessions.size());
    }

    @Test
    @Order(4)
    void botsSpreadOverTwoReplicasLoseNothingWhenOneIsKilledMidRun() throws Exception {
        String dashboardKey = new TestApiKeys(port).dashboard();
        DemoSetup setup = fleet();
        GatewayClient spread = new GatewayClient(List.of(
                URI.create(replicaB.url() + "/graphql"), URI.create(replicaC.url() + "/graphql")),
                null, Duration.ofSeconds(30), new RetryPolicy(8, Duration.ofMillis(50), Duration.ofSeconds(1),
                        Duration.ofMinutes(1)), new Traffic());
        ExecutorService background = Executors.newFixedThreadPool(2);
        try {
            Future<DemoResult> run = background.submit(() -> new Demo(spread, TestApiKeys.ADMIN, null, setup,
                    Clock.systemUTC()).run(DemoFleet.quiet()));
            // B dies once a third of the rounds are in, while bots on both replicas are mid-session.
            awaitTrue("a third of the rounds logged", () -> run.isDone() || roundsStored() >= 100);
            replicaB.kill();
            // Meanwhile a greedy dashboard spends its allowance over both replicas (B dead half-way through).
            List<GraphQlResponse> greedy = sendConcurrently(100, List.of(
                    GraphQlClient.anonymous(replicaB.port()).withApiKey(dashboardKey),
                    GraphQlClient.anonymous(replicaC.port()).withApiKey(dashboardKey)));
            DemoResult result = run.get();
            long planned = result.sessions().stream().mapToLong(session -> session.rounds().size()).sum();

            assertThat(result.failures()).isEmpty();
            assertThat(result.succeeded()).isTrue();
            assertThat(result.roundsWritten() + result.duplicates()).as("every round acknowledged").isEqualTo(planned);
            assertThat(roundsStored()).as("every acknowledged round stored once").isEqualTo(planned);
            for (SimulatedSession session : result.sessions()) {
                assertThat(jdbc.queryForObject("SELECT count(DISTINCT round_number) FROM crash_game_rounds"
                        + " WHERE session_id = ?", Long.class, session.sessionId()))
                        .as(session.sessionId()).isEqualTo(session.rounds().size());
            }
            assertThat(jdbc.queryForList("""
                    SELECT s.session_id FROM session_logs s
                    LEFT JOIN (SELECT session_id, count(*) AS rounds, sum(profit_loss_amount) AS profit
                               FROM crash_game_rounds GROUP BY session_id) r USING (session_id)
                    WHERE s.total_rounds <> coalesce(r.rounds, 0) OR s.total_profit_loss <> coalesce(r.profit, 0)
                    """, String.class)).as("sessions whose totals differ from a recount of their rounds").isEmpty();
            assertThat(greedy.stream().filter(answer -> answer.status() == 200).count())
                    .as("a key's allowance held over both replicas, one of them killed").isLessThanOrEqualTo(DASHBOARD_ALLOWANCE);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    @Order(5)
    void theSurvivingReplicaTakesOverTheScheduledWork() throws Exception {
        assertThat(replicaB.isAlive()).as("B was killed in the load test").isFalse();
        int byC = abandonedInLogs(replicaC);
        List<String> sessions = silentSessions("after", 3);

        awaitTrue("C abandons what B can no longer", () -> abandonedOf(sessions) == sessions.size());
        awaitTrue("C's log says so", () -> abandonedInLogs(replicaC) - byC == sessions.size());
    }

    private static void configure(GraphQlClient client, String maxMultiplier) {
        ok(client.execute(WritePath.CONFIGURE_PLATFORM, Map.of("input", Map.of("gameName", "aviator",
                "platformCode", "dafabet", "maxMultiplier", maxMultiplier))));
    }

    private static List<String> flagsOf(GraphQlResponse logged) {
        List<String> flags = new ArrayList<>();
        logged.data("logRound.round.dataQualityFlags").forEach(flag -> flags.add(flag.asString()));
        return flags;
    }

    /** Sends the same dashboard read {@code count} times from 8 threads, request i to replica i mod n. */
    private static List<GraphQlResponse> sendConcurrently(int count, List<GraphQlClient> replicas) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<GraphQlResponse>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                GraphQlClient replica = replicas.get(i % replicas.size());
                sent.add(threads.submit((Callable<GraphQlResponse>) () -> replica.execute(A_DASHBOARD_READ)));
            }
            List<GraphQlResponse> answers = new ArrayList<>();
            for (Future<GraphQlResponse> answer : sent) {
                try {
                    answers.add(answer.get());
                } catch (ExecutionException noAnswer) {
                    // A killed replica answers nothing: neither accepted nor refused.
                }
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sessions of bots of their own, started through this test's gateway, then silent for an hour. */
    private List<String> silentSessions(String prefix, int count) {
        WritePath writes = new WritePath(new GraphQlClient(port), jdbc);
        writes.configurePlatform("aviator", "dafabet");
        List<String> sessions = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String bot = prefix + "-silent-bot-" + i;
            writes.registerBot(bot);
            writes.startSession(bot, prefix + "-silent-session-" + i, "100.00");
            sessions.add(prefix + "-silent-session-" + i);
        }
        jdbc.update("UPDATE session_logs SET start_time = start_time - interval '2 hours',"
                + " updated_at = now() - interval '1 hour', last_heartbeat_at = NULL WHERE session_id = ANY(?)",
                (Object) sessions.toArray(String[]::new));
        return sessions;
    }

    private int abandonedOf(List<String> sessions) {
        return jdbc.queryForObject("SELECT count(*) FROM session_logs WHERE status = 'ABANDONED' AND session_id = ANY(?)",
                Integer.class, (Object) sessions.toArray(String[]::new));
    }

    private long roundsStored() {
        return jdbc.queryForObject("SELECT count(*) FROM crash_game_rounds", Long.class);
    }

    /** Sessions this replica says it abandoned, over its whole log. */
    private static int abandonedInLogs(GatewayReplica replica) {
        Matcher matcher = ABANDONED.matcher(replica.log());
        int abandoned = 0;
        while (matcher.find()) {
            abandoned += Integer.parseInt(matcher.group(1));
        }
        return abandoned;
    }

    /** 4 bots, a session of 75 rounds each, one round per request (as live bots send), on one table. */
    private static DemoSetup fleet() {
        BigDecimal ten = new BigDecimal("10");
        List<BotProfile> bots = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            bots.add(new BotProfile("replica-bot-0" + i, "Steady " + i, new FixedTarget(ten, new BigDecimal("1.5")),
                    new BigDecimal("100000"), new BigDecimal("100"), new BigDecimal("0.10"), null));
        }
        SimulationPlan plan = new SimulationPlan(bots, 1, 75, List.of(new GameTable("aviator", "dafabet")), 17,
                Instant.EPOCH, Duration.ofMinutes(5));
        return new DemoSetup(plan, null, SimulationSettings.DEFAULTS, CrashDistribution.STANDARD, 1,
                Duration.ofSeconds(1));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("still waiting for: " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
