package com.crashanalytics.api.live;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.LiveJournal;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GatewayReplica;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway replicas on one database: this test's gateway (A) and a second one in a process of its own (B, the
 * packaged jar, as production runs it). A subscriber on either sees what is logged through the other, each event
 * once and in the same order with the same ids: the feed goes through PostgreSQL, not through one process's memory.
 */
@GatewayIntegrationTest
class TwoGatewaysLiveIT {

    private static final String ROUNDS = """
            subscription($after: Long) {
              roundLogged(filter: {botIds: ["aviator_bot_001"]}, after: $after) { eventId roundNumber }
            }""";
    private static GatewayReplica replicaB;
    private static int portB;

    @LocalServerPort
    int portA;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startReplicaB() throws Exception {
        replicaB = GatewayReplica.start("two-gateways-replica-b", "--gateway.rate-limit.admin=1000000/1s");
        portB = replicaB.port();
    }

    @AfterAll
    static void stopReplicaB() throws InterruptedException {
        if (replicaB != null) {
            replicaB.close();
        }
    }

    @Test
    void aSubscriberOnEitherReplicaSeesWhatIsLoggedThroughTheOtherOnceWithTheSameIds() throws Exception {
        WritePath throughA = new WritePath(new GraphQlClient(portA), jdbc).activeSession();
        WritePath throughB = new WritePath(new GraphQlClient(portB), jdbc);
        try (GraphQlWebSocket onA = GraphQlWebSocket.connectWithKey(portA, TestApiKeys.ADMIN).acknowledged();
             GraphQlWebSocket onB = GraphQlWebSocket.connectWithKey(portB, TestApiKeys.ADMIN).acknowledged()) {
            // From the journal's current end: however long each replica takes to register the subscription,
            // nothing logged from here on is missed (the feed resumes from there).
            long from = LiveJournal.end(jdbc);
            onA.subscribe(ROUNDS, Map.of("after", from));
            onB.subscribe(ROUNDS, Map.of("after", from));

            for (int number = 1; number <= 6; number++) {
                ok((number % 2 == 1 ? throughA : throughB).logRound(round(number, "SKIP", null, "1.50", null)));
            }

            List<JsonNode> seenOnA = events(onA, 6);
            List<JsonNode> seenOnB = events(onB, 6);
            assertThat(seenOnA).extracting(event -> event.path("roundNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(seenOnB).extracting(event -> event.path("roundNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(seenOnB).extracting(event -> event.path("eventId").asLong())
                    .as("one journal, one numbering: the same ids on both replicas")
                    .isEqualTo(seenOnA.stream().map(event -> event.path("eventId").asLong()).toList());
            assertThat(onA.nextMessageWithin(500)).isNull();
            assertThat(onB.nextMessageWithin(100)).isNull();
        }
    }

    private static List<JsonNode> events(GraphQlWebSocket socket, int count) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode message = socket.nextMessage();
            assertThat(message).as("event " + (i + 1) + " of " + count).isNotNull();
            assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
            events.add(message.path("payload").path("data").path("roundLogged"));
        }
        return events;
    }
}
