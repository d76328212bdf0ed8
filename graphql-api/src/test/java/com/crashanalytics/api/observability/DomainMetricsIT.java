package com.crashanalytics.api.observability;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.HEARTBEAT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.metrics.FleetGauges;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.PrometheusScrape;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's own metrics, end to end: bots log rounds over GraphQL, a Prometheus scraper with a METRICS key
 * reads what happened. The gateway's context is shared by every test of the run, so counters are compared as the
 * difference between a scrape before and one after.
 */
@GatewayIntegrationTest
class DomainMetricsIT {

    private static final Instant FIRST_ROUND_START = Instant.parse("2026-11-21T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FleetGauges fleetGauges;

    private GraphQlClient client;
    private WritePath writePath;
    private String metricsKey;

    @BeforeEach
    void setUp() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc).activeSession();
        metricsKey = new TestApiKeys(port).issue("METRICS", List.of()).secret();
    }

    @Test
    void roundsIngestedDuplicateAndRejectedByRuleAreCounted() {
        PrometheusScrape before = PrometheusScrape.of(port, metricsKey);

        ok(writePath.logRounds(List.of(round(1, "WIN", "10", "2.10", "1.50"), round(2, "LOSS", "10", "1.12", null),
                round(3, "SKIP", null, "5.00", null))));
        ok(writePath.logRound(round(4, "WIN", "10", "3.00", "2.00")));
        // The same round 4 again (a retry): a duplicate, not stored twice.
        assertThat(ok(writePath.logRound(round(4, "WIN", "10", "3.00", "2.00"))).data("logRound.duplicate").asBoolean())
                .isTrue();
        // A negative stake: refused by the NON_NEGATIVE rule, nothing written.
        refused(writePath.logRound(with(round(5, "LOSS", "10", "1.50", null), "stakeValue", "-1")), "BAD_REQUEST",
                "input.stakeValue", "NON_NEGATIVE");

        PrometheusScrape after = PrometheusScrape.of(port, metricsKey);
        assertThat(increase(before, after, "gateway_rounds_ingested_total")).isEqualTo(4);
        assertThat(increase(before, after, "gateway_rounds_duplicates_total")).isEqualTo(1);
        assertThat(increase(before, after, "gateway_rounds_rejected_total", "rule=\"NON_NEGATIVE\"")).isEqualTo(1);
        assertThat(increase(before, after, "gateway_rounds_rejected_total")).as("no other rule").isEqualTo(1);
        // One logRounds request of 3 rounds: in the bucket up to 5, not in the one up to 1.
        assertThat(increase(before, after, "gateway_rounds_batch_size_count")).isEqualTo(1);
        assertThat(increase(before, after, "gateway_rounds_batch_size_sum")).isEqualTo(3);
        assertThat(increase(before, after, "gateway_rounds_batch_size_bucket", "le=\"5.0\"")).isEqualTo(1);
        assertThat(increase(before, after, "gateway_rounds_batch_size_bucket", "le=\"1.0\"")).isEqualTo(0);
        assertThat(writePath.count("crash_game_rounds")).isEqualTo(4);
    }

    @Test
    void graphQlRequestLatencyIsAHistogramPerRootField() {
        PrometheusScrape before = PrometheusScrape.of(port, metricsKey);
        ok(writePath.logRound(round(1, "WIN", "10", "2.10", "1.50")));
        ok(client.execute("{ bots(first: 5) { totalCount } }"));
        PrometheusScrape after = PrometheusScrape.of(port, metricsKey);

        assertThat(increase(before, after, "graphql_request_seconds_count", "graphql_root_field=\"logRound\"",
                "graphql_operation_type=\"mutation\"")).isEqualTo(1);
        assertThat(increase(before, after, "graphql_request_seconds_count", "graphql_root_field=\"bots\"",
                "graphql_operation_type=\"query\"")).isEqualTo(1);
        // Buckets for histogram_quantile(): the slowest bucket (+Inf) holds every request, the 10 s one too.
        assertThat(increase(before, after, "graphql_request_seconds_bucket", "graphql_root_field=\"bots\"",
                "le=\"+Inf\"")).isEqualTo(1);
        assertThat(after.series("graphql_request_seconds_bucket", "graphql_root_field=\"bots\"", "le=\"10.0\""))
                .hasSize(1);
    }

    @Test
    void fleetGaugesShowEachBotsSilenceAndTheSessionsByStatus() {
        ok(writePath.logRound(with(round(1, "WIN", "10", "2.10", "1.50"), "roundStartTimestamp",
                FIRST_ROUND_START.toString())));
        Instant heartbeatAt = Instant.parse(ok(client.execute(HEARTBEAT,
                Map.of("input", Map.of("botId", BOT, "sessionId", SESSION)))).data("heartbeat.bot.lastHeartbeatAt").asString());
        writePath.registerBot("silent_bot");

        fleetGauges.refresh();
        Instant scrapeFrom = Instant.now();
        PrometheusScrape scrape = PrometheusScrape.of(port, metricsKey);
        Instant scrapeTo = Instant.now();

        double sinceRound = scrape.value("gateway_bot_since_last_round_seconds", "bot=\"" + BOT + "\"");
        assertThat(sinceRound).isBetween(seconds(FIRST_ROUND_START, scrapeFrom) - 0.001, seconds(FIRST_ROUND_START, scrapeTo));
        double sinceHeartbeat = scrape.value("gateway_bot_since_last_heartbeat_seconds", "bot=\"" + BOT + "\"");
        assertThat(sinceHeartbeat).isBetween(seconds(heartbeatAt, scrapeFrom) - 0.001, seconds(heartbeatAt, scrapeTo));
        assertThat(scrape.series("gateway_bot_since_last_round_seconds", "bot=\"silent_bot\""))
                .as("a bot never heard from has no series").isEmpty();
        assertThat(scrape.value("gateway_sessions", "status=\"ACTIVE\"")).isEqualTo(1);
        assertThat(scrape.value("gateway_sessions", "status=\"COMPLETED\"")).isEqualTo(0);
    }

    @Test
    void aMetricsKeyScrapesAndDoesNothingElse() throws Exception {
        GraphQlResponse graphQl = client.withApiKey(metricsKey).execute("{ platforms { platformCode } }");
        assertThat(graphQl.status()).isEqualTo(403);
        assertThat(graphQl.body()).contains("\"classification\":\"FORBIDDEN\"");
        assertThat(get("/actuator/metrics", metricsKey).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/info", metricsKey).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", metricsKey).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", new TestApiKeys(port).dashboard()).statusCode()).isEqualTo(403);
        // Over WebSocket the key is valid (the connection is acknowledged) but no operation is open to its role.
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, metricsKey)) {
            assertThat(socket.nextMessage().path("type").asString()).isEqualTo("connection_ack");
            JsonNode refused = socket.execute("{ platforms { platformCode } }", Map.of());
            assertThat(refused.path("errors").get(0).path("extensions").path("classification").asString())
                    .as(refused.toString()).isEqualTo("FORBIDDEN");
            assertThat(refused.path("data").path("platforms").isMissingNode() || refused.path("data").path("platforms").isNull())
                    .isTrue();
        }
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
