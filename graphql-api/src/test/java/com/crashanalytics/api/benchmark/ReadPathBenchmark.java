package com.crashanalytics.api.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.api.GatewayApplication;
import com.crashanalytics.api.testing.BulkFleet;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.persistence.testing.DatabaseCleaner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Measures the dashboards' read path and prints figures; asserts nothing. Starts the whole gateway on its default
 * embedded PostgreSQL (in a temporary data directory), writes 100,000 and then 1,000,000 rounds straight into the
 * tables ({@link BulkFleet}: 10 sessions of 50 rounds per bot, a signal per round, an error and an OCR read every
 * tenth round), and times over HTTP, sequentially, after a warm-up:
 * <ul>
 *   <li>the nested dashboard query, 10 bots × 10 sessions × 20 rounds with their signals and every totalCount;</li>
 *   <li>one bot's newest 100 rounds; 100 rounds after a cursor half-way through all rounds; the active sessions.</li>
 * </ul>
 * Run it with {@code mvn -q -pl graphql-api -am verify -DskipTests -Pread-benchmark}. Figures depend on the machine:
 * run it on an idle one.
 */
public final class ReadPathBenchmark {

    private static final int WARM_UP = 10;
    private static final int RUNS = 50;

    private static final String DASHBOARD = """
            {
              bots(first: 10) { totalCount edges { node { botId
                sessions(first: 10) { totalCount edges { node { sessionId totals { totalProfitLoss }
                  rounds(first: 20) { totalCount edges { node { roundNumber roundOutcome profitLoss
                    outcome { outcomeCategory } signals { signalType signalCorrectness } } } }
                } } }
              } } }
            }
            """;
    private static final String BOT_ROUNDS = """
            { bot(botId: "bulk-0007") { rounds(first: 100, direction: DESC) { edges { node { id profitLoss } } } } }
            """;
    private static final String ROUNDS_AFTER = """
            query($after: String) { rounds(first: 100, after: $after) { edges { node { id profitLoss } } } }
            """;
    private static final String ACTIVE_SESSIONS = """
            { sessions(first: 100, filter: {status: ACTIVE}) { edges { node { sessionId totals { currentBalance } } } } }
            """;

    private ReadPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("read-path-benchmark");
        ConfigurableApplicationContext gateway = SpringApplication.run(GatewayApplication.class,
                "--server.port=0", "--gateway.data-dir=" + dataDir, "--logging.level.root=WARN",
                // GraphQlClient sends the test admin key; the benchmark measures latency, not the rate limit.
                "--gateway.admin-key=" + TestApiKeys.ADMIN, "--gateway.rate-limit.admin=1000000000/1s");
        try {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            GraphQlClient client = new GraphQlClient(port);
            JdbcTemplate jdbc = gateway.getBean(JdbcTemplate.class);
            StringBuilder report = new StringBuilder("\nRead path on the embedded PostgreSQL ("
                    + Runtime.getRuntime().availableProcessors() + " cores), median and 95th percentile of "
                    + RUNS + " sequential requests:\n");
            for (int bots : new int[] {200, 2_000}) {
                DatabaseCleaner.clean(gateway.getBean(DataSource.class));
                long start = System.nanoTime();
                BulkFleet.write(jdbc, bots, 10, 50);
                int rounds = jdbc.queryForObject("SELECT count(*) FROM crash_game_rounds", Integer.class);
                report.append(String.format("  %,d rounds (%,d bots, %,d sessions), written in %.0f s%n", rounds, bots,
                        bots * 10, (System.nanoTime() - start) / 1e9));
                String halfWay = client.execute("query($from: DateTime) { rounds(first: 1, filter: {from: $from}) "
                                + "{ pageInfo { endCursor } } }",
                        Map.of("from", jdbc.queryForObject("SELECT percentile_disc(0.5) WITHIN GROUP "
                                + "(ORDER BY round_start_timestamp) FROM crash_game_rounds", java.time.OffsetDateTime.class)
                                .toInstant().toString()))
                        .data("rounds.pageInfo.endCursor").asString();
                report.append(time("dashboard 10 bots x 10 sessions x 20 rounds + signals", client, DASHBOARD, Map.of()));
                report.append(time("one bot's newest 100 rounds", client, BOT_ROUNDS, Map.of()));
                report.append(time("100 rounds after a cursor half-way", client, ROUNDS_AFTER, Map.of("after", halfWay)));
                report.append(time("first 100 active sessions", client, ACTIVE_SESSIONS, Map.of()));
            }
            System.out.println(report);
        } finally {
            gateway.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static String time(String what, GraphQlClient client, String document, Map<String, Object> variables) {
        for (int i = 0; i < WARM_UP; i++) {
            send(client, document, variables);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            send(client, document, variables);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format("    %-56s p50 %6.1f ms   p95 %6.1f ms%n", what, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private static void send(GraphQlClient client, String document, Map<String, Object> variables) {
        GraphQlResponse response = client.execute(document, variables);
        if (response.hasErrors()) {
            throw new IllegalStateException(response.body());
        }
    }
}
