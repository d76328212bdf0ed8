package com.crashanalytics.api.alert;

import static com.crashanalytics.api.alert.ChannelStub.TELEGRAM_TOKEN;
import static com.crashanalytics.api.alert.ChannelStub.WEBHOOK_SECRET;
import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.crashanalytics.api.GatewayApplication;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.alert.AlertDeliveries;
import com.crashanalytics.domain.alert.DeliverAlertsUseCase;
import com.crashanalytics.persistence.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts delivered end to end to a local stub playing a signed webhook, Slack and Telegram: the payloads, the
 * signature a receiver verifies, the retry after a 500 with the same idempotency key, the delivery log, and nothing
 * sent twice, not even by a gateway started afterwards on the same database.
 */
class AlertDeliveryIT extends AlertTestSupport {

    static final ChannelStub STUB;
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        try {
            STUB = new ChannelStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String DELIVERIES = """
            query($alertId: ID) {
              alertDeliveries(alertId: $alertId) {
                totalCount
                edges { node { id alertId channel idempotencyKey status attempts nextAttemptAt lastAttemptAt
                               lastError sentAt createdAt } }
              }
            }
            """;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry properties) {
        channelSettings().forEach((name, value) -> properties.add(name, () -> value));
    }

    static Map<String, String> channelSettings() {
        return Map.ofEntries(
                Map.entry("gateway.alerts.channels.hook.kind", "WEBHOOK"),
                Map.entry("gateway.alerts.channels.hook.url", STUB.url("/hook")),
                Map.entry("gateway.alerts.channels.hook.secret", WEBHOOK_SECRET),
                Map.entry("gateway.alerts.channels.slack.kind", "SLACK"),
                Map.entry("gateway.alerts.channels.slack.url", STUB.url("/slack")),
                Map.entry("gateway.alerts.channels.tg.kind", "TELEGRAM"),
                Map.entry("gateway.alerts.channels.tg.token", TELEGRAM_TOKEN),
                Map.entry("gateway.alerts.channels.tg.chat-id", "-100777"),
                Map.entry("gateway.alerts.telegram-base-url", STUB.url("")),
                Map.entry("gateway.alerts.retry-base", "50ms"),
                Map.entry("gateway.alerts.retry-max", "200ms"),
                Map.entry("gateway.alerts.max-attempts", "3"),
                Map.entry("gateway.alerts.delivery-lease", "1s"));
    }

    @AfterAll
    static void stopStub() {
        STUB.reset();
    }

    @Autowired
    DeliverAlertsUseCase delivery;

    @Autowired
    AlertDeliveries queue;

    GraphQlClient client;
    WritePath writes;
    AlertFixtures alerts;

    @BeforeEach
    void connect() {
        STUB.reset();
        client = new GraphQlClient(port);
        writes = new WritePath(client, jdbc);
        alerts = new AlertFixtures(client, evaluation);
    }

    @Test
    void everyChannelGetsItsPayloadTheWebhookIsSignedAndA500IsRetriedWithTheSameKey() throws Exception {
        String alertId = raiseOneLossAlert("hook", "slack", "tg");
        STUB.answer("/hook", 500);

        assertThat(delivery.deliverDue(10)).isEqualTo(3);
        Map<String, JsonNode> log = deliveriesByChannel(alertId);
        assertThat(log.get("slack").path("status").asString()).isEqualTo("SENT");
        assertThat(log.get("tg").path("status").asString()).isEqualTo("SENT");
        JsonNode hook = log.get("hook");
        assertThat(hook.path("status").asString()).isEqualTo("PENDING");
        assertThat(hook.path("attempts").asInt()).isEqualTo(1);
        assertThat(hook.path("lastError").asString()).startsWith("HTTP 500: ");
        assertThat(hook.path("nextAttemptAt").isNull()).isFalse();

        deliverUntil(() -> "SENT".equals(deliveriesByChannel(alertId).get("hook").path("status").asString()));
        hook = deliveriesByChannel(alertId).get("hook");
        assertThat(hook.path("attempts").asInt()).isEqualTo(2);
        assertThat(hook.path("nextAttemptAt").isNull()).isTrue();
        assertThat(hook.path("sentAt").isNull()).isFalse();

        // The webhook: two attempts, the same idempotency key, each signed over its timestamp and body
        List<ChannelStub.Request> attempts = STUB.requestsTo("/hook");
        assertThat(attempts).hasSize(2);
        assertThat(attempts).extracting(request -> request.header("Idempotency-Key"))
                .containsOnly(hook.path("idempotencyKey").asString());
        for (ChannelStub.Request attempt : attempts) {
            assertThat(attempt.method()).isEqualTo("POST");
            assertThat(signatureIsValid(attempt)).as("signature of %s", attempt.body()).isTrue();
        }
        JsonNode payload = JSON.readTree(attempts.get(0).body());
        assertThat(payload.path("alertId").asString()).isEqualTo(alertId);
        assertThat(payload.path("ruleName").asString()).isEqualTo("first loss");
        assertThat(payload.path("kind").asString()).isEqualTo("LOSS_STREAK");
        assertThat(payload.path("subject").path("sessionId").asString()).isEqualTo(SESSION);
        assertThat(payload.path("subject").path("botId").asString()).isEqualTo(BOT);
        assertThat(payload.path("figures").path("lossStreak").asInt()).isEqualTo(1);
        assertThat(payload.path("scope").path("botIds").toString()).isEqualTo("[\"" + BOT + "\"]");
        assertThat(payload.path("message").asString()).startsWith("[first loss] 1 losses in a row in session");
        // A signature over another body does not verify
        ChannelStub.Request tampered = new ChannelStub.Request("POST", "/hook", attempts.get(0).headers(),
                attempts.get(0).body().replace("first loss", "other loss"));
        assertThat(signatureIsValid(tampered)).isFalse();

        // Slack: text and a section block
        JsonNode slack = JSON.readTree(STUB.requestsTo("/slack").get(0).body());
        assertThat(slack.path("text").asString()).isEqualTo(payload.path("message").asString());
        assertThat(slack.path("blocks").get(0).path("type").asString()).isEqualTo("section");
        assertThat(slack.path("blocks").get(0).path("text").path("type").asString()).isEqualTo("mrkdwn");
        assertThat(slack.path("blocks").get(0).path("text").path("text").asString()).contains("first loss");

        // Telegram: sendMessage of the bot, to the chat
        List<ChannelStub.Request> telegram = STUB.requestsTo("/bot" + TELEGRAM_TOKEN + "/sendMessage");
        assertThat(telegram).hasSize(1);
        JsonNode message = JSON.readTree(telegram.get(0).body());
        assertThat(message.path("chat_id").asString()).isEqualTo("-100777");
        assertThat(message.path("text").asString()).isEqualTo(payload.path("message").asString());

        // Nothing left: nothing sent again
        int sent = STUB.requestCount();
        assertThat(delivery.deliverDue(10)).isZero();
        assertThat(STUB.requestCount()).isEqualTo(sent);
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        String alertId = raiseOneLossAlert("slack");
        STUB.answer("/slack", 500, 502, 503, 200);
        deliverUntil(() -> !"PENDING".equals(deliveriesByChannel(alertId).get("slack").path("status").asString()));
        JsonNode slack = deliveriesByChannel(alertId).get("slack");
        assertThat(slack.path("status").asString()).isEqualTo("FAILED");
        assertThat(slack.path("attempts").asInt()).isEqualTo(3);
        assertThat(slack.path("lastError").asString()).startsWith("HTTP 503: ");
        assertThat(STUB.requestsTo("/slack")).hasSize(3);
        assertThat(ok(client.execute("{ alertDeliveries(status: FAILED) { totalCount } }"))
                .data("alertDeliveries.totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void aRestartedGatewayResumesPendingDeliveriesAndNeverResendsASentOne() throws Exception {
        String alertId = raiseOneLossAlert("hook", "slack");
        STUB.answer("/hook", 500);
        assertThat(delivery.deliverDue(10)).isEqualTo(2);   // slack SENT, hook to retry
        // A replica dies right after claiming the retry: its lease keeps the others away until it expires
        assertThat(queue.claimDue(java.time.Instant.now().plusSeconds(5), java.time.Instant.now().plusSeconds(1)))
                .isPresent();
        String key = deliveriesByChannel(alertId).get("hook").path("idempotencyKey").asString();

        // "After the restart": another gateway on the same database, delivering on its own schedule
        try (ConfigurableApplicationContext restarted = startAnotherGateway()) {
            deliverUntil(() -> "SENT".equals(deliveriesByChannel(alertId).get("hook").path("status").asString()));
            assertThat(restarted.getBean(DeliverAlertsUseCase.class).deliverDue(10)).isZero();
        }
        try (ConfigurableApplicationContext again = startAnotherGateway()) {
            assertThat(again.getBean(DeliverAlertsUseCase.class).deliverDue(10)).isZero();
        }
        assertThat(STUB.requestsTo("/slack")).hasSize(1);
        assertThat(STUB.requestsTo("/hook")).hasSize(2)
                .extracting(request -> request.header("Idempotency-Key")).containsOnly(key);
        assertThat(deliveriesByChannel(alertId).get("hook").path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void channelsAreListedWithoutTheirSecretsAndNoQueryOrTableHoldsOne() {
        String rule = alerts.rule("all channels", "BUST", "channels", List.of("hook", "slack", "tg"));
        GraphQlClient.GraphQlResponse channels = ok(client.execute("{ alertChannels { name kind } }"));
        assertThat(channels.data("alertChannels").toString())
                .isEqualTo("[{\"name\":\"hook\",\"kind\":\"WEBHOOK\"},{\"name\":\"slack\",\"kind\":\"SLACK\"},"
                        + "{\"name\":\"tg\",\"kind\":\"TELEGRAM\"}]");
        String everything = ok(client.execute("{ alertRules { edges { node { id name channels } } } alertChannels { name kind } }"))
                .body() + ok(client.execute(DELIVERIES, Map.of())).body();
        assertThat(everything).contains(rule).doesNotContain(WEBHOOK_SECRET).doesNotContain(TELEGRAM_TOKEN)
                .doesNotContain(STUB.url("/slack"));
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", String.class)) {
            for (String text : jdbc.queryForList("SELECT t::text FROM " + table + " t", String.class)) {
                assertThat(text).as(table).doesNotContain(WEBHOOK_SECRET).doesNotContain(TELEGRAM_TOKEN);
            }
        }
    }

    @Test
    void aFailedTelegramAttemptLogsNoToken() {
        String alertId = raiseOneLossAlert("tg");
        STUB.answer("/bot" + TELEGRAM_TOKEN + "/sendMessage", 401);
        delivery.deliverDue(10);
        JsonNode tg = deliveriesByChannel(alertId).get("tg");
        assertThat(tg.path("lastError").asString()).startsWith("HTTP 401").doesNotContain(TELEGRAM_TOKEN);
    }

    /** A LOSS_STREAK rule of 1 loss for the standard bot, one loss, one evaluation: the alert's id. */
    private String raiseOneLossAlert(String... channels) {
        writes.activeSession();
        String rule = alerts.rule("first loss", "LOSS_STREAK", "count", 1, "channels", List.of(channels),
                "scope", Map.of("botIds", List.of(BOT)));
        ok(writes.logRound(with(WritePath.round(1, "LOSS", "10", "1.20", null), "targetMultiplier", "2.00")));
        assertThat(alerts.evaluate().raised()).isEqualTo(1);
        List<JsonNode> raised = alerts.alertsOf(rule);
        assertThat(raised).hasSize(1);
        assertThat(deliveriesByChannel(raised.get(0).path("id").asString())).hasSize(channels.length)
                .allSatisfy((channel, row) -> assertThat(row.path("status").asString()).isEqualTo("PENDING"));
        return raised.get(0).path("id").asString();
    }

    private Map<String, JsonNode> deliveriesByChannel(String alertId) {
        JsonNode edges = ok(client.execute(DELIVERIES, Map.of("alertId", alertId))).data("alertDeliveries.edges");
        java.util.Map<String, JsonNode> byChannel = new java.util.TreeMap<>();
        edges.valueStream().map(edge -> edge.path("node")).forEach(node -> byChannel.put(node.path("channel").asString(), node));
        return byChannel;
    }

    /** Runs due deliveries until the condition holds (retries wait for their backoff): at most 20 s. */
    private void deliverUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("delivery did not settle").isLessThan(deadline);
            delivery.deliverDue(10);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a receiver does: HMAC-SHA256 of "timestamp.body" with the shared secret, compared in constant time. */
    static boolean signatureIsValid(ChannelStub.Request request) {
        String timestamp = request.header("X-Gateway-Timestamp");
        String signature = request.header("X-Gateway-Signature");
        String expected = "sha256=" + HttpAlertChannels.sign(WEBHOOK_SECRET, timestamp + "." + request.body());
        return timestamp != null && signature != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private static ConfigurableApplicationContext startAnotherGateway() {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + TestPostgres.get().jdbcUrl(),
                "--spring.datasource.username=" + TestPostgres.get().username(),
                "--spring.datasource.password=" + TestPostgres.get().password(),
                "--gateway.admin-key=" + com.crashanalytics.api.testing.TestApiKeys.ADMIN,
                "--gateway.alerts.evaluation-interval=0",
                "--gateway.alerts.delivery-interval=100ms"));
        channelSettings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }
}
