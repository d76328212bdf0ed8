package com.crashanalytics.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.crashanalytics.api.testing.DemoFleet;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.simulator.demo.DashboardQueries;
import com.crashanalytics.simulator.demo.Demo;
import com.crashanalytics.simulator.demo.DemoResult;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.gateway.Traffic;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SessionEnd;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's demo against this gateway, end to end: the demo talks to the gateway only over HTTP, with the
 * admin key for platforms and keys and a BOT key per bot for everything a bot sends, through a stand-in proxy that
 * loses the answer to one logRounds batch after the gateway stored it (the client sends it again, and the gateway
 * answers duplicates). The rows and the analytics must then be exactly the simulated ones, once each.
 */
@GatewayIntegrationTest
class DemoIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpServer proxy;
    private ExecutorService proxyThreads;

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.stop(0);
            proxyThreads.shutdownNow();
        }
    }

    @Test
    void theDemoFillsTheGatewayOnceEvenWhenABatchIsSentTwice() throws IOException {
        LosingProxy losing = startProxy(2);
        GatewayClient throughProxy = DemoFleet.client("http://localhost:" + proxy.getAddress().getPort());

        DemoResult result = new Demo(throughProxy, TestApiKeys.ADMIN, null, DemoFleet.setup(), Clock.systemUTC())
                .run(DemoFleet.quiet());

        assertThat(result.failures()).isEmpty();
        assertThat(result.succeeded()).isTrue();
        List<SimulatedSession> sessions = result.sessions();
        List<SimulatedRound> rounds = sessions.stream().flatMap(s -> s.rounds().stream()).toList();
        // The batch whose answer was lost went through on the first attempt; its retry came back all duplicates.
        assertThat(losing.lostBatchSize()).isPositive();
        assertThat(throughProxy.traffic().retries(Traffic.RetryReason.SERVER_ERROR)).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(losing.lostBatchSize());
        assertThat(result.roundsWritten()).isEqualTo(rounds.size() - losing.lostBatchSize());
        assertRowsAre(sessions, rounds);
        assertAnalyticsAre(sessions);
        // Each bot logged with a BOT key of its own, bound to it, revoked when the demo was done.
        assertThat(jdbc.queryForList("SELECT bot_ids[1] FROM api_clients WHERE role = 'BOT' AND revoked_at IS NOT NULL",
                String.class)).containsExactlyInAnyOrder("sim-bot-01", "sim-bot-02", "sim-bot-03");

        // The two simulated models' predictions were logged after the rounds, so each was judged as it came in.
        int predictions = count("game_predictions");
        assertThat(predictions).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT model_name) FROM game_predictions", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_predictions WHERE status = 'PENDING'", Integer.class))
                .isZero();
        // The skilled model beats the crash law's Brier score, the one without skill does not.
        assertThat(brierSkillScore("sim-streaks-skilled")).isPositive();
        assertThat(brierSkillScore("sim-streaks-no-skill")).isLessThan(brierSkillScore("sim-streaks-skilled")).isLessThan(0.05);

        // The same demo again (no proxy now) finds where the first run put its data and sends it all again:
        // every round is a duplicate, and nothing is added.
        DemoResult again = DemoFleet.load(port);

        assertThat(again.succeeded()).isTrue();
        assertThat(again.roundsWritten()).isZero();
        assertThat(again.duplicates()).isEqualTo(rounds.size());
        assertRowsAre(again.sessions(), rounds);
        assertThat(count("game_predictions")).isEqualTo(predictions);
    }

    @Test
    void theReadmesDashboardQueriesAnswerWithDemoData() throws IOException {
        DemoResult result = DemoFleet.load(port);
        assertThat(result.succeeded()).isTrue();
        GraphQlClient dashboard = new GraphQlClient(port);
        List<String> queries = DashboardQueries.all();
        assertThat(queries).hasSize(3);
        assertThat(readmeDemoQueries()).as("the README's Demo data section quotes the queries the demo prints")
                .containsExactlyElementsOf(queries);

        GraphQlResponse fleet = dashboard.execute(queries.get(0), Map.of());
        assertThat(fleet.errors()).as(fleet.body()).isEmpty();
        assertThat(fleet.data("bots.totalCount").asInt()).isEqualTo(3);
        JsonNode firstBot = fleet.data("bots.edges").get(0).path("node");
        assertThat(firstBot.path("sessions").path("edges")).hasSize(2);
        assertThat(firstBot.path("sessions").path("edges").get(0).path("node").path("rounds").path("edges")
                .get(0).path("node").path("signals")).hasSize(1);

        GraphQlResponse strategies = dashboard.execute(queries.get(1), Map.of());
        assertThat(strategies.errors()).as(strategies.body()).isEmpty();
        assertThat(strategies.data("strategies")).extracting(node -> node.path("name").asString())
                .contains("fixed_1.33x", "martingale_2x_cap3", "dalembert_2x");
        assertThat(strategies.data("leaderboard")).hasSize(3);
        assertThat(strategies.data("bot.equityCurve")).isNotEmpty();

        GraphQlResponse fairness = dashboard.execute(queries.get(2), Map.of());
        assertThat(fairness.errors()).as(fairness.body()).isEmpty();
        long aviatorAtDafabet = result.sessions().stream()
                .filter(s -> s.table().equals(new GameTable("aviator", "dafabet")))
                .mapToLong(s -> s.rounds().size()).sum();
        assertThat(fairness.data("multiplierDistribution.rounds").asLong()).isPositive().isLessThanOrEqualTo(aviatorAtDafabet);
        assertThat(fairness.data("signalEffectiveness").get(0).path("overall").path("signals").asLong())
                .isEqualTo(result.sessions().stream().mapToLong(s -> s.rounds().size()).sum());
        assertThat(fairness.data("ocrQuality")).hasSize(3);
    }

    private static List<String> readmeDemoQueries() throws IOException {
        Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("..", "README.md");
        }
        String text = Files.readString(readme);
        int start = text.indexOf("## Demo data");
        assertThat(start).as("README has a Demo data section").isNotNegative();
        String section = text.substring(start, text.indexOf("\n## ", start + 1));
        Matcher blocks = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<String> queries = new ArrayList<>();
        while (blocks.find()) {
            queries.add(blocks.group(1).strip());
        }
        return queries;
    }

    private void assertRowsAre(List<SimulatedSession> sessions, List<SimulatedRound> rounds) {
        assertThat(count("bot_vm_registration")).isEqualTo(3);
        assertThat(count("session_logs")).isEqualTo(sessions.size()).isEqualTo(6);
        assertThat(count("crash_game_rounds")).isEqualTo(rounds.size());
        assertThat(count("analytics_round_multipliers"))
                .isEqualTo(rounds.stream().mapToInt(round -> round.samples().size()).sum());
        assertThat(count("analytics_round_signals")).isEqualTo(rounds.size());
        // One OCR read of the crash per round, one of the balance per session.
        assertThat(count("ocr_validation_logs")).isEqualTo(rounds.size() + sessions.size());
        assertThat(count("error_logs")).isEqualTo(rounds.stream().filter(round -> round.error() != null).count())
                .isPositive();
        for (SimulatedSession session : sessions) {
            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT status, final_balance, total_rounds, total_profit_loss,
                           (SELECT count(*) FROM crash_game_rounds r WHERE r.session_id = s.session_id) AS logged,
                           (SELECT sum(profit_loss_amount) FROM crash_game_rounds r WHERE r.session_id = s.session_id) AS pl
                    FROM session_logs s WHERE session_id = ?""", session.sessionId());
            assertThat(row.get("status")).as(session.sessionId())
                    .isEqualTo(session.end() == SessionEnd.COMPLETED ? "COMPLETED" : "ABORTED");
            assertThat((BigDecimal) row.get("final_balance")).isEqualByComparingTo(session.finalBalance());
            assertThat(((Number) row.get("total_rounds")).intValue()).isEqualTo(session.rounds().size());
            assertThat(((Number) row.get("logged")).intValue()).isEqualTo(session.rounds().size());
            assertThat((BigDecimal) row.get("total_profit_loss")).isEqualByComparingTo(session.profitLoss());
            assertThat((BigDecimal) row.get("pl")).isEqualByComparingTo(session.profitLoss());
        }
    }

    /** Each bot's statistics and the leaderboard are the sums of the simulated sessions, to the cent and beyond. */
    private void assertAnalyticsAre(List<SimulatedSession> sessions) {
        Map<String, BigDecimal> profitByBot = sessions.stream().collect(Collectors.groupingBy(SimulatedSession::botId,
                Collectors.reducing(BigDecimal.ZERO, SimulatedSession::profitLoss, BigDecimal::add)));
        Map<String, Integer> roundsByBot = sessions.stream().collect(Collectors.groupingBy(SimulatedSession::botId,
                Collectors.summingInt(session -> session.rounds().size())));
        GraphQlResponse response = new GraphQlClient(port).execute("""
                { bots(first: 10) { edges { node { botId statistics { rounds totalProfitLoss } } } }
                  leaderboard(metric: TOTAL_PROFIT_LOSS) { position botId rounds } }""", Map.of());
        assertThat(response.errors()).as(response.body()).isEmpty();
        for (JsonNode edge : response.data("bots.edges")) {
            String botId = edge.path("node").path("botId").asString();
            JsonNode statistics = edge.path("node").path("statistics");
            assertThat(statistics.path("rounds").asInt()).as(botId).isEqualTo(roundsByBot.get(botId));
            assertThat(statistics.path("totalProfitLoss").decimalValue()).as(botId)
                    .isEqualByComparingTo(profitByBot.get(botId));
        }
        List<String> byProfit = profitByBot.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        assertThat(response.data("leaderboard")).extracting(node -> node.path("botId").asString())
                .containsExactlyElementsOf(byProfit);
    }

    private double brierSkillScore(String model) {
        GraphQlResponse response = new GraphQlClient(port).execute(
                "query($model: String!) { predictionPerformance(model: $model, kind: WITHIN_ROUNDS) { brierSkillScore } }",
                Map.of("model", model));
        assertThat(response.errors()).as(response.body()).isEmpty();
        return response.data("predictionPerformance.brierSkillScore").asDouble();
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    /**
     * A proxy in front of the gateway that forwards everything, except that the answer to the {@code n}-th logRounds
     * request is lost after the gateway has stored the batch: the client sees a 502 from the proxy.
     */
    private LosingProxy startProxy(int n) throws IOException {
        LosingProxy losing = new LosingProxy(n, URI.create("http://localhost:" + port + "/graphql"));
        proxy = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        proxyThreads = Executors.newFixedThreadPool(4);
        proxy.setExecutor(proxyThreads);
        proxy.createContext("/", losing::handle);
        proxy.start();
        return losing;
    }

    private static final class LosingProxy {

        private final int losing;
        private final URI gateway;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final AtomicInteger batches = new AtomicInteger();
        private volatile int lostBatchSize;

        LosingProxy(int losing, URI gateway) {
            this.losing = losing;
            this.gateway = gateway;
        }

        int lostBatchSize() {
            return lostBatchSize;
        }

        void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder forward = HttpRequest.newBuilder(gateway)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                forward.header("Authorization", authorization);
            }
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            JsonNode request = JSON.readTree(body);
            boolean batch = request.path("query").asString().contains("logRounds(");
            if (batch && batches.incrementAndGet() == losing) {
                lostBatchSize = request.path("variables").path("input").path("rounds").size();
                reply(exchange, 502, "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            reply(exchange, answer.statusCode(), answer.body());
        }

        private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
