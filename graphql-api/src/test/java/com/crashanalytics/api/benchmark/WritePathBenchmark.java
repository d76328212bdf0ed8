package com.crashanalytics.api.benchmark;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.crashanalytics.api.GatewayApplication;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Measures the write path and prints figures; asserts nothing. Starts the whole gateway on its default embedded
 * PostgreSQL (in a temporary data directory) and a random port, then in the same run, twice over, each gateway
 * figure next to its baseline so a change in the machine's load hits both:
 * <ol>
 *   <li>logRounds over HTTP, one client, batches of 500 rounds;</li>
 *   <li>a plain JDBC batch insert of the same rows (a round and its outcome row each) into the same tables, 500
 *       rows per batch and transaction: the floor the gateway's work (validation, idempotency, derivations,
 *       session totals, HTTP and GraphQL) stands on;</li>
 *   <li>logRound over HTTP from 16 concurrent clients, each in its own session, asking for the whole round back,
 *       then the same asking only for its id;</li>
 *   <li>the same rows by plain JDBC, one round per transaction from 16 threads: the floor of a commit per round.</li>
 * </ol>
 * Next to rounds per second and latency it prints what each round cost: CPU milliseconds of the gateway's request
 * threads, of the benchmark's own clients (which share the machine), of the rest of the JVM and of PostgreSQL, and
 * the JDBC statements and commits per round (each a round trip). On a shared machine those are the steadier
 * figures. Run it with {@code mvn -q -pl graphql-api -am verify -DskipTests -Pbenchmark} (the profile forks a JVM
 * with the test classpath); {@code -Dbenchmark.jvmArg=-XX:StartFlightRecording=filename=write.jfr} profiles it.
 */
public final class WritePathBenchmark {

    private static final int BATCH = 500;
    private static final int BATCHES = 20;
    private static final int CLIENTS = 16;
    private static final int ROUNDS_PER_CLIENT = 250;
    /** What a bot that only needs to know the round was taken asks for: the cost of the answer left out. */
    private static final String LEAN_LOG_ROUND =
            "mutation($input: LogRoundInput!) { logRound(input: $input) { duplicate round { id } } }";

    private WritePathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = Integer.getInteger("benchmark.repeats", 2);
        // e.g. -Dbenchmark.phases=single to profile one phase alone: batched, plainBatch, single, singleLean, plainSingle
        Set<String> wanted = Set.of(System.getProperty("benchmark.phases",
                "batched,plainBatch,single,singleLean,plainSingle").split(","));
        Path dataDir = Files.createTempDirectory("write-path-benchmark");
        CountingDataSource jdbcCalls = new CountingDataSource();
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(jdbcCalls));
        ConfigurableApplicationContext gateway = application.run(
                "--server.port=0", "--gateway.data-dir=" + dataDir, "--logging.level.root=WARN",
                // GraphQlClient sends the test admin key; the benchmark measures throughput, not the rate limit.
                "--gateway.admin-key=" + TestApiKeys.ADMIN, "--gateway.rate-limit.admin=1000000000/1s");
        try {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            GraphQlClient client = new GraphQlClient(port);
            WritePath writePath = new WritePath(client, gateway.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
            writePath.registerBot(WritePath.BOT);
            writePath.configurePlatform("aviator", "dafabet");
            DataSource dataSource = gateway.getBean(DataSource.class);
            Meter meter = new Meter(new CpuMeter(dataDir), jdbcCalls);
            Clients clients = Clients.of(port);

            warmUp(writePath, clients);
            List<Phase> phases = new ArrayList<>();
            // Each gateway figure next to its baseline, alternating, so a change in the machine's load hits both.
            for (int run = 1; run <= repeats; run++) {
                String suffix = "_" + run;
                if (wanted.contains("batched")) {
                    phases.add(meter.measure("logRounds, " + BATCHES + " x " + BATCH + " rounds, 1 HTTP client",
                            BATCHES * BATCH, () -> logRoundsInBatches(writePath, "batched" + suffix)));
                }
                if (wanted.contains("plainBatch")) {
                    phases.add(meter.measure("plain JDBC batch, " + BATCH + " rows per commit", BATCHES * BATCH,
                            () -> plainJdbc(dataSource, writePath, "plain_jdbc" + suffix)));
                }
                if (wanted.contains("single")) {
                    phases.add(meter.measure("logRound, " + CLIENTS + " HTTP clients x " + ROUNDS_PER_CLIENT,
                            CLIENTS * ROUNDS_PER_CLIENT,
                            () -> logRoundConcurrently(clients, writePath, "concurrent" + suffix, WritePath.LOG_ROUND)));
                }
                if (wanted.contains("singleLean")) {
                    phases.add(meter.measure("  the same, answer { duplicate round { id } }", CLIENTS * ROUNDS_PER_CLIENT,
                            () -> logRoundConcurrently(clients, writePath, "lean" + suffix, LEAN_LOG_ROUND)));
                }
                if (wanted.contains("plainSingle")) {
                    phases.add(meter.measure("plain JDBC, 1 round per commit, " + CLIENTS + " threads",
                            CLIENTS * ROUNDS_PER_CLIENT,
                            () -> plainJdbcConcurrently(clients, dataSource, writePath, "plain_concurrent" + suffix)));
                }
            }
            clients.threads().shutdownNow();
            print(phases);
        } finally {
            gateway.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static void print(List<Phase> phases) {
        System.out.println();
        System.out.println("Write path on the embedded PostgreSQL (" + Runtime.getRuntime().availableProcessors()
                + " cores); CPU in ms per round: gateway request threads / benchmark clients / rest of the JVM (GC, JIT)"
                + " / PostgreSQL; JDBC calls per round: statements (a batch counts once) + commits");
        System.out.printf("%-48s %9s %8s %8s | %6s %6s %6s %6s | %5s %5s | %s%n", "phase", "rounds/s", "p50 ms",
                "p99 ms", "server", "client", "jvm", "pg", "stmts", "commit", "load average before -> after");
        for (Phase phase : phases) {
            CpuMeter.Cost cost = phase.cost();
            System.out.printf("%-48s %,9.0f %8s %8s | %6.2f %6.2f %6.2f %6.2f | %5.2f %5.3f | %s -> %s%n",
                    phase.name(), phase.rounds() / cost.wallSeconds(), millis(phase.latency().p50()),
                    millis(phase.latency().p99()), cost.serverMillis(), cost.clientMillis(), cost.jvmOtherMillis(),
                    cost.databaseMillis(), (double) phase.calls().statements() / phase.rounds(),
                    (double) phase.calls().commits() / phase.rounds(), cost.loadBefore(), cost.loadAfter());
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }

    /** Reads the CPU and JDBC counters around a phase. */
    private record Meter(CpuMeter cpu, CountingDataSource jdbcCalls) {

        Phase measure(String name, int rounds, Work work) throws Exception {
            CpuMeter.Reading before = cpu.read();
            CountingDataSource.Calls callsBefore = jdbcCalls.calls();
            Latency latency = work.run();
            CpuMeter.Reading after = cpu.read();
            return new Phase(name, rounds, latency, CpuMeter.Cost.between(before, after, rounds),
                    jdbcCalls.calls().minus(callsBefore));
        }
    }

    @FunctionalInterface
    private interface Work {
        Latency run() throws Exception;
    }

    private record Phase(String name, int rounds, Latency latency, CpuMeter.Cost cost, CountingDataSource.Calls calls) {
    }

    /** Latency percentiles of single requests in ms; NaN where a phase has none worth reporting. */
    private record Latency(double p50, double p99) {
        static final Latency NONE = new Latency(Double.NaN, Double.NaN);
    }

    /** Enough of both mutations for the JIT to compile the paths measured. */
    private static void warmUp(WritePath writePath, Clients clients) throws Exception {
        writePath.startSession(WritePath.BOT, "warm_up", "1000000");
        for (int batch = 0; batch < 4; batch++) {
            send(writePath, rounds("warm_up", batch * BATCH + 1, BATCH));
        }
        logRoundConcurrently(clients, writePath, "warm_up_singles", WritePath.LOG_ROUND);
    }

    private static Latency logRoundsInBatches(WritePath writePath, String session) {
        writePath.startSession(WritePath.BOT, session, "1000000");
        for (int batch = 0; batch < BATCHES; batch++) {
            send(writePath, rounds(session, batch * BATCH + 1, BATCH));
        }
        return Latency.NONE;
    }

    private static Latency logRoundConcurrently(Clients clients, WritePath writePath, String sessionPrefix,
                                                String document) throws Exception {
        List<Future<long[]>> latencies = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            writePath.startSession(WritePath.BOT, sessionPrefix + "_" + client, "1000000");
        }
        for (int client = 0; client < CLIENTS; client++) {
            List<Map<String, Object>> rounds = rounds(sessionPrefix + "_" + client, 1, ROUNDS_PER_CLIENT);
            GraphQlClient http = clients.http().get(client);
            latencies.add(clients.threads().submit(() -> {
                long[] nanos = new long[rounds.size()];
                for (int i = 0; i < rounds.size(); i++) {
                    long sent = System.nanoTime();
                    GraphQlResponse response = http.execute(document, Map.of("input", rounds.get(i)));
                    nanos[i] = System.nanoTime() - sent;
                    // A substring, not a JSON parse: the benchmark's clients share the machine with the gateway.
                    if (response.status() != 200 || response.body().contains("\"errors\"")) {
                        throw new IllegalStateException(response.body().substring(0, Math.min(500, response.body().length())));
                    }
                }
                return nanos;
            }));
        }
        return percentiles(latencies);
    }

    /** The rows logRounds writes for a plain round (the round and its outcome row), with nothing else around them. */
    private static Latency plainJdbc(DataSource dataSource, WritePath writePath, String session) throws Exception {
        writePath.startSession(WritePath.BOT, session, "1000000");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            PlainRows rows = new PlainRows(connection, session);
            for (int batch = 0; batch < BATCHES; batch++) {
                for (int i = 0; i < BATCH; i++) {
                    rows.add(batch * BATCH + i + 1);
                }
                rows.flush();
                connection.commit();
            }
        }
        return Latency.NONE;
    }

    /** The same rows, one round per transaction, from as many threads as the concurrent logRound clients. */
    private static Latency plainJdbcConcurrently(Clients clients, DataSource dataSource, WritePath writePath,
                                                 String sessionPrefix) throws Exception {
        for (int client = 0; client < CLIENTS; client++) {
            writePath.startSession(WritePath.BOT, sessionPrefix + "_" + client, "1000000");
        }
        List<Future<long[]>> done = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String session = sessionPrefix + "_" + client;
            done.add(clients.threads().submit(() -> {
                long[] nanos = new long[ROUNDS_PER_CLIENT];
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    PlainRows rows = new PlainRows(connection, session);
                    for (int number = 1; number <= ROUNDS_PER_CLIENT; number++) {
                        long sent = System.nanoTime();
                        rows.add(number);
                        rows.flush();
                        connection.commit();
                        nanos[number - 1] = System.nanoTime() - sent;
                    }
                }
                return nanos;
            }));
        }
        return percentiles(done);
    }

    /**
     * The concurrent clients: threads and HTTP clients that live for the whole run, so their CPU time is read
     * while they are alive.
     */
    private record Clients(ExecutorService threads, List<GraphQlClient> http) {

        static Clients of(int port) {
            List<GraphQlClient> http = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                http.add(new GraphQlClient(port));
            }
            return new Clients(Executors.newFixedThreadPool(CLIENTS), http);
        }
    }

    private static Latency percentiles(List<Future<long[]>> clients) throws Exception {
        long[] all = new long[CLIENTS * ROUNDS_PER_CLIENT];
        int at = 0;
        for (Future<long[]> client : clients) {
            long[] nanos = client.get();
            System.arraycopy(nanos, 0, all, at, nanos.length);
            at += nanos.length;
        }
        Arrays.sort(all);
        return new Latency(all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    /** Plain inserts of a round and its outcome row, batched until flushed. */
    private static final class PlainRows {
        private final PreparedStatement rounds;
        private final PreparedStatement outcomes;
        private final String sessionId;
        private final Instant start = Instant.now().minus(7, ChronoUnit.DAYS);
        private BigDecimal balance = new BigDecimal("1000000");

        PlainRows(Connection connection, String sessionId) throws java.sql.SQLException {
            this.sessionId = sessionId;
            this.rounds = connection.prepareStatement("""
                    INSERT INTO crash_game_rounds (id, bot_id, session_id, game_name, platform_code, round_number,
                        round_start_timestamp, stake_value, crash_multiplier_detected, cashout_multiplier,
                        cashout_amount, profit_loss_amount, roi_percent, round_outcome, data_quality_flags,
                        content_fingerprint, logged_at)
                    VALUES (?, ?, ?, 'aviator', 'dafabet', ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), ?, ?)
                    """);
            this.outcomes = connection.prepareStatement("""
                    INSERT INTO analytics_round_outcomes (id, round_id, round_number, bot_id, session_id, game_name,
                        platform_code, outcome, stake_value, profit_loss, roi_percent, balance_after, actual_multiplier,
                        crash_multiplier, outcome_category, win_streak_length, loss_streak_length, "timestamp",
                        date_bucket, hour_bucket)
                    VALUES (?, ?, ?, ?, ?, 'aviator', 'dafabet', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """);
        }

        void add(int number) throws java.sql.SQLException {
            boolean win = number % 2 == 1;
            BigDecimal profit = win ? new BigDecimal("5.00") : new BigDecimal("-10");
            balance = balance.add(profit);
            UUID roundId = UUID.randomUUID();
            Instant at = start.plusSeconds(number);
            rounds.setObject(1, roundId);
            rounds.setString(2, WritePath.BOT);
            rounds.setString(3, sessionId);
            rounds.setInt(4, number);
            rounds.setTimestamp(5, Timestamp.from(at));
            rounds.setBigDecimal(6, BigDecimal.TEN);
            rounds.setBigDecimal(7, win ? new BigDecimal("2.10") : new BigDecimal("1.20"));
            rounds.setBigDecimal(8, win ? new BigDecimal("1.50") : null);
            rounds.setBigDecimal(9, win ? new BigDecimal("15.00") : BigDecimal.ZERO);
            rounds.setBigDecimal(10, profit);
            rounds.setBigDecimal(11, win ? new BigDecimal("50") : new BigDecimal("-100"));
            rounds.setString(12, win ? "WIN" : "LOSS");
            rounds.setString(13, "{}");
            rounds.setString(14, "f".repeat(64));
            rounds.setTimestamp(15, Timestamp.from(Instant.now()));
            rounds.addBatch();
            outcomes.setObject(1, UUID.randomUUID());
            outcomes.setObject(2, roundId);
            outcomes.setInt(3, number);
            outcomes.setString(4, WritePath.BOT);
            outcomes.setString(5, sessionId);
            outcomes.setString(6, win ? "WIN" : "LOSS");
            outcomes.setBigDecimal(7, BigDecimal.TEN);
            outcomes.setBigDecimal(8, profit);
            outcomes.setBigDecimal(9, win ? new BigDecimal("50") : new BigDecimal("-100"));
            outcomes.setBigDecimal(10, balance);
            outcomes.setBigDecimal(11, win ? new BigDecimal("1.50") : new BigDecimal("1.20"));
            outcomes.setBigDecimal(12, win ? new BigDecimal("2.10") : new BigDecimal("1.20"));
            outcomes.setString(13, win ? "small_win" : "small_loss");
            outcomes.setInt(14, win ? 1 : 0);
            outcomes.setInt(15, win ? 0 : 1);
            outcomes.setTimestamp(16, Timestamp.from(at));
            outcomes.setObject(17, LocalDate.ofInstant(at, ZoneOffset.UTC));
            outcomes.setTimestamp(18, Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)));
            outcomes.addBatch();
        }

        void flush() throws java.sql.SQLException {
            rounds.executeBatch();
            outcomes.executeBatch();
        }
    }

    /** {@code count} plain rounds (alternating a WIN of 10 at 1.50x and a LOSS of 10) from round {@code first}. */
    private static List<Map<String, Object>> rounds(String sessionId, int first, int count) {
        Instant start = Instant.now().minus(7, ChronoUnit.DAYS);
        List<Map<String, Object>> rounds = new ArrayList<>(count);
        for (int number = first; number < first + count; number++) {
            Map<String, Object> round = WritePath.round(number, number % 2 == 1 ? "WIN" : "LOSS", "10",
                    number % 2 == 1 ? "2.10" : "1.20", number % 2 == 1 ? "1.50" : null);
            round = new HashMap<>(round);
            round.put("sessionId", sessionId);
            round.put("roundStartTimestamp", start.plusSeconds(number).toString());
            round.put("targetMultiplier", "1.50");
            rounds.add(round);
        }
        return rounds;
    }

    private static void send(WritePath writePath, List<Map<String, Object>> rounds) {
        GraphQlResponse response = writePath.logRounds(rounds);
        if (response.hasErrors()) {
            throw new IllegalStateException(response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

}
