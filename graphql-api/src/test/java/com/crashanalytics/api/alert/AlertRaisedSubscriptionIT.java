package com.crashanalytics.api.alert;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.LiveJournal;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A console subscribed to alertRaised hears the alert an evaluation raised, as the alerts query shows it. */
class AlertRaisedSubscriptionIT extends AlertTestSupport {

    @Test
    void aDashboardHearsTheRaisedAlertOnce() throws Exception {
        GraphQlClient admin = new GraphQlClient(port);
        WritePath writes = new WritePath(admin, jdbc).activeSession();
        AlertFixtures alerts = new AlertFixtures(admin, evaluation);
        String rule = alerts.rule("two losses", "LOSS_STREAK", "count", 2);
        long journalEnd = LiveJournal.end(jdbc);

        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, new TestApiKeys(port).dashboard()).acknowledged()) {
            String id = socket.subscribe("subscription($after: Long) { alertRaised(after: $after) { eventId alert { id ruleName kind message figures raisedAt subject { kind botId sessionId } } } }",
                    Map.of("after", journalEnd));
            for (int n = 1; n <= 2; n++) {
                ok(writes.logRound(with(WritePath.round(n, "LOSS", "10", "1.20", null), "targetMultiplier", "2.00")));
            }
            assertThat(alerts.evaluate().raised()).isEqualTo(1);
            assertThat(alerts.evaluate().raised()).isZero();

            JsonNode message = socket.nextMessage();
            assertThat(message).as("an event within 10 s").isNotNull();
            assertThat(message.path("id").asString()).isEqualTo(id);
            JsonNode alert = message.path("payload").path("data").path("alertRaised").path("alert");
            List<JsonNode> stored = alerts.alertsOf(rule);
            assertThat(alert.path("id").asString()).isEqualTo(stored.get(0).path("id").asString());
            assertThat(alert.path("subject").path("botId").asString()).isEqualTo(WritePath.BOT);
            assertThat(alert.path("ruleName").asString()).isEqualTo("two losses");
            assertThat(alert.path("kind").asString()).isEqualTo("LOSS_STREAK");
            assertThat(alert.path("message").asString()).isEqualTo(stored.get(0).path("message").asString());
            assertThat(alert.path("figures").path("lossStreak").asInt()).isEqualTo(2);
            assertThat(socket.nextMessageWithin(500)).as("once").isNull();
        }
    }
}
