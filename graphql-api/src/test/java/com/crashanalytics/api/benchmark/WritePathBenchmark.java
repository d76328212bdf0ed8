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
 * PostgreSQL (in a temporary data directory) and a random port, then in the same run:
 * <ol>
 *   <li>logRounds over HTTP, one client, batches of 500 rounds;</li>
 *   <li>logRound over HTTP from 16 concurrent clients, each in its own session;</li>
 *   <li>a plain JDBC batch insert of the same rows (a round and its outcome row each) into the same tables, 500
 *       rows per batch and transaction: the floor the gateway's work (validation, idempotency, derivations,
 *       session totals, HTTP and GraphQL) stands on;</li>
 *   <li>the same rows by plain JDBC, one round per transaction from 16 threads: the floor of a commit per round.</li>
 * </ol>
 * Run it with {@code mvn -q -pl graphql-api -am verify -DskipTests -Pbenchmark} (the profile forks a JVM with the
 * test classpath). Figures depend on the machine: run it on an idle one.
 */
public final class WritePathBenchmark {

    private static final int BATCH = 500;
    private static final int BATCHES = 20;
    private static final int CLIENTS = 16;
    private static final int ROUNDS_PER_CLIENT = 250;

    private WritePathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("write-path-benchmark");
        ConfigurableApplicationContext gateway = SpringApplication.run(GatewayApplication.class,
                "--server.port=0", "--gateway.data-dir=" + dataDir, "--logging.level.root=WARN",
                // GraphQlClient sends the test admin key; the benchmark measures throughput, not the rate limit.
                "--gateway.admin-key=" + TestApiKeys.ADMIN, "--gateway.rate-limit.admin=1000000000/1s");
        try {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            GraphQlClient client = new GraphQlClient(port);
            WritePath writePath = new WritePath(client, gateway.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
            writePath.registerBot(WritePath.BOT);
            writePath.configurePlatform("aviator", "dafabet");

            warmUp(writePath);
            double batched = logRoundsInBatches(writePath);
            Result concurrent = logRoundConcurrently(port, writePath);
            double plain = plainJdbc(gateway.getBean(DataSource.class), writePath);
            double plainSingles = plainJdbcConcurrently(gateway.getBean(DataSource.class), writePath);

            System.out.println();
            System.out.println("Write path on the embedded PostgreSQL (" + Runtime.getRuntime().availableProcessors()
                    + " cores), one run:");
            System.out.printf("  logRounds, %d batches of %d rounds, 1 client over HTTP : %,10.0f rounds/s%n",
                    BATCHES, BATCH, batched);
            System.out.printf("  logRound, %d concurrent clients x %d rounds over HTTP  : %,10.0f rounds/s"
                            + "  (latency p50 %.1f ms, p99 %.1f ms)%n",
                    CLIENTS, ROUNDS_PER_CLIENT, concurrent.roundsPerSecond, concurrent.p50, concurrent.p99);
            System.out.printf("  plain JDBC batch insert, same rows, %d per batch        : %,10.0f rounds/s%n",
                    BATCH, plain);
            System.out.printf("  plain JDBC, same rows, 1 round per commit, %d threads   : %,10.0f rounds/s%n",
                    CLIENTS, plainSingles);
        } finally {
            gateway.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static void warmUp(WritePath writePath) {
        writePath.startSession(WritePath.BOT, "warm_up", "1000000");
        for (int batch = 0; batch < 4; batch++) {
            send(writePath, rounds("warm_up", batch * BATCH + 1, BATCH));
        }
    }

    private static double logRoundsInBatches(WritePath writePath) {
        writePath.startSession(WritePath.BOT, "batched", "1000000");
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int batch = 0; batch < BATCHES; batch++) {
            batches.add(rounds("batched", batch * BATCH + 1, BATCH));
        }
        long start = System.nanoTime();
        for (List<Map<String, Object>> batch : batches) {
            send(writePath, batch);
        }
        return BATCHES * BATCH / seconds(start);
    }

    private static Result logRoundConcurrently(int port, WritePath writePath) throws Exception {
        for (int client = 0; client < CLIENTS; client++) {
            writePath.startSession(WritePath.BOT, "concurrent_" + client, "1000000");
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> latencies = new ArrayList<>();
            long start = System.nanoTime();
            for (int client = 0; client < CLIENTS; client++) {
                List<Map<String, Object>> rounds = rounds("concurrent_" + client, 1, ROUNDS_PER_CLIENT);
                latencies.add(clients.submit(() -> {
                    GraphQlClient http = new GraphQlClient(port);
                    long[] nanos = new long[rounds.size()];
                    for (int i = 0; i < rounds.size(); i++) {
                        long sent = System.nanoTime();
                        GraphQlResponse response = http.execute(WritePath.LOG_ROUND, Map.of("input", rounds.get(i)));
                        nanos[i] = System.nanoTime() - sent;
                        if (response.hasErrors()) {
                            throw new IllegalStateException(response.body().substring(0, Math.min(500, response.body().length())));
                        }
                    }
                    return nanos;
                }));
            }
            long[] all = new long[CLIENTS * ROUNDS_PER_CLIENT];
            int at = 0;
            for (Future<long[]> client : latencies) {
                long[] nanos = client.get();
                System.arraycopy(nanos, 0, all, at, nanos.length);
                at += nanos.length;
            }
            double elapsed = seconds(start);
            Arrays.sort(all);
            return new Result(all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
        } finally {
            clients.shutdownNow();
        }
    }

    /** The rows logRounds writes for a plain round (the round and its outcome row), with nothing else around them. */
    private static double plainJdbc(DataSource dataSource, WritePath writePath) throws Exception {
        writePath.startSession(WritePath.BOT, "plain_jdbc", "1000000");
        long began = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            PlainRows rows = new PlainRows(connection, "plain_jdbc");
            for (int batch = 0; batch < BATCHES; batch++) {
                for (int i = 0; i < BATCH; i++) {
                    rows.add(batch * BATCH + i + 1);
                }
                rows.flush();
                connection.commit();
            }
        }
        return BATCHES * BATCH / seconds(began);
    }

    /** The same rows, one round per transaction, from as many threads as the concurrent logRound clients. */
    private static double plainJdbcConcurrently(DataSource dataSource, WritePath writePath) throws Exception {
        for (int client = 0; client < CLIENTS; client++) {
            writePath.startSession(WritePath.BOT, "plain_concurrent_" + client, "1000000");
        }
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            long began = System.nanoTime();
            for (int client = 0; client < CLIENTS; client++) {
                String session = "plain_concurrent_" + client;
                done.add(threads.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        PlainRows rows = new PlainRows(connection, session);
                        for (int number = 1; number <= ROUNDS_PER_CLIENT; number++) {
                            rows.add(number);
                            rows.flush();
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
            return CLIENTS * ROUNDS_PER_CLIENT / seconds(began);
        } finally {
            threads.shutdownNow();
        }
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

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private record Result(double roundsPerSecond, double p50, double p99) {
    }
}
