package com.crashanalytics.api.security.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL over WebSocket ({@code graphql-transport-ws} on /graphql) with a real WebSocket client: the key comes
 * in the connection_init payload; without a valid one the connection is closed (4401 Unauthorized), with one
 * every operation runs as that key, under the same access policies as over HTTP.
 */
@GatewayIntegrationTest
class WebSocketAuthenticationIT {

    private static final int UNAUTHORIZED = 4401;
    private static final String REGISTER = "mutation($id: ID!) { registerBot(input: {botId: $id}) { registration } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aConnectionWithAValidKeyIsAcknowledgedAndRunsOperationsAsThatKey() throws Exception {
        String botA = new TestApiKeys(port).bot("bot_a");

        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, botA)) {
            assertThat(socket.nextMessage().path("type").asString()).isEqualTo("connection_ack");

            JsonNode own = socket.execute(REGISTER, Map.of("id", "bot_a"));
            JsonNode foreign = socket.execute(REGISTER, Map.of("id", "bot_b"));

            assertThat(own.path("data").path("registerBot").path("registration").asString()).isEqualTo("CREATED");
            assertThat(foreign.path("errors").get(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(jdbc.queryForList("SELECT bot_id FROM bot_vm_registration", String.class)).containsExactly("bot_a");
    }

    @Test
    void aDocumentLargerThanTomcatsDefaultMessageBufferIsAccepted() throws Exception {
        // Tomcat's default WebSocket text buffer is 8 KiB; the gateway allows what it allows over HTTP.
        String padded = "# " + "x".repeat(64 * 1024) + "\n" + REGISTER;

        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, new TestApiKeys(port).bot("bot_a"))) {
            assertThat(socket.nextMessage().path("type").asString()).isEqualTo("connection_ack");

            JsonNode answer = socket.execute(padded, Map.of("id", "bot_a"));

            assertThat(answer.path("data").path("registerBot").path("registration").asString())
                    .as(answer.toString()).isEqualTo("CREATED");
        }
    }

    @Test
    void aConnectionWithoutAKeyIsClosedUnauthorized() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.connect(port, Map.of())) {
            assertThat(socket.closeCode()).isEqualTo(UNAUTHORIZED);
        }
    }

    @Test
    void aConnectionWithAnUnknownOrRevokedKeyIsClosedUnauthorized() throws Exception {
        String revoked = new TestApiKeys(port).revoked("DASHBOARD");

        try (GraphQlWebSocket unknown = GraphQlWebSocket.connectWithKey(port, "cag_nobody");
             GraphQlWebSocket withRevoked = GraphQlWebSocket.connectWithKey(port, revoked);
             GraphQlWebSocket malformed = GraphQlWebSocket.connect(port, Map.of("Authorization", "Basic abc"))) {
            assertThat(unknown.closeCode()).isEqualTo(UNAUTHORIZED);
            assertThat(withRevoked.closeCode()).isEqualTo(UNAUTHORIZED);
            assertThat(malformed.closeCode()).isEqualTo(UNAUTHORIZED);
        }
    }

    @Test
    void aDashboardReadsButDoesNotWriteOverWebSocket() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, new TestApiKeys(port).dashboard())) {
            assertThat(socket.nextMessage().path("type").asString()).isEqualTo("connection_ack");

            JsonNode read = socket.execute("{ bot(botId: \"bot_a\") { botId } }", Map.of());
            JsonNode write = socket.execute(REGISTER, Map.of("id", "bot_a"));

            assertThat(read.path("errors").isMissingNode()).as(read.toString()).isTrue();
            assertThat(write.path("errors").get(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isZero();
    }
}
