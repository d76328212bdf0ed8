package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A key over its allowance is throttled with a clear error that says when to retry, and executes nothing; every
 * other key keeps its own allowance. Bots here may send 5 requests per hour (the default is 100 per 5 s), so a
 * burst of 6 is over the limit whatever the speed of the machine.
 */
@GatewayIntegrationTest
@TestPropertySource(properties = "gateway.rate-limit.bot=5/1h")
class RateLimitIT {

    private static final String REGISTER = "mutation($id: ID!) { registerBot(input: {botId: $id}) { registration } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBurstOverTheLimitIsThrottledAndTheThrottledRequestDoesNothing() {
        GraphQlClient greedy = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot("greedy"));
        for (int i = 0; i < 5; i++) {
            assertThat(greedy.execute("{ bot(botId: \"greedy\") { botId } }").status()).isEqualTo(200);
        }

        GraphQlResponse throttled = greedy.execute(REGISTER, Map.of("id", "greedy"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.classifications()).containsExactly("TOO_MANY_REQUESTS");
        // 5 per hour refill one every 720 s.
        long retryAfter = throttled.errors().get(0).path("extensions").path("retryAfterSeconds").asLong();
        assertThat(retryAfter).isBetween(700L, 720L);
        assertThat(throttled.header("Retry-After")).isEqualTo(Long.toString(retryAfter));
        assertThat(throttled.errors().get(0).path("message").asString()).contains("retry after " + retryAfter + " s");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isZero();
    }

    /** {@code { __typename }} reads no data and opens no transaction (MetaFieldQueriesIT), but it is a request all the same. */
    @Test
    void typenameSpendsTheAllowanceLikeAnyRequest() {
        GraphQlClient pinging = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot("pinging"));
        for (int i = 0; i < 5; i++) {
            assertThat(pinging.execute("{ __typename }").status()).isEqualTo(200);
        }

        GraphQlResponse throttled = pinging.execute("{ __typename }");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.classifications()).containsExactly("TOO_MANY_REQUESTS");
    }

    @Test
    void aWellBehavedBotIsUnaffectedByAnotherBotsBurst() {
        GraphQlClient greedy = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot("greedy"));
        GraphQlClient polite = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot("polite"));
        for (int i = 0; i < 20; i++) {
            greedy.execute("{ bot(botId: \"greedy\") { botId } }");
        }

        GraphQlResponse first = polite.execute(REGISTER, Map.of("id", "polite"));
        GraphQlResponse second = polite.execute("{ bot(botId: \"polite\") { botId } }");

        assertThat(first.hasErrors()).as(first.body()).isFalse();
        assertThat(second.data("bot.botId").asString()).isEqualTo("polite");
        assertThat(new GraphQlClient(port).execute("{ apiKeys { label } }").hasErrors())
                .as("other roles have their own allowances").isFalse();
    }

    @Test
    void overWebSocketEachOperationCountsAndAThrottledOneIsRefusedWithRetryAfter() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, new TestApiKeys(port).bot("ws_bot"))) {
            assertThat(socket.nextMessage().path("type").asString()).isEqualTo("connection_ack");
            for (int i = 0; i < 5; i++) {
                assertThat(socket.execute("{ bot(botId: \"ws_bot\") { botId } }", Map.of()).path("errors").isMissingNode()).isTrue();
            }

            JsonNode throttled = socket.execute(REGISTER, Map.of("id", "ws_bot"));

            JsonNode error = throttled.path("errors").get(0);
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(error.path("extensions").path("retryAfterSeconds").asLong()).isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isZero();
    }
}
