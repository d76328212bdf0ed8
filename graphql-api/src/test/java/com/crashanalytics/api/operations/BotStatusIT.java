package com.crashanalytics.api.operations;

import static com.crashanalytics.api.testing.WritePath.END_SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bot.status and bots(filter: {status}) over HTTP, one bot in each status, and the stale sessions listed by
 * sessions(filter: {stale: true}), a page at a time. Limits are the defaults: stale after 2 minutes, idle for an hour,
 * errors count for 15 minutes.
 */
@GatewayIntegrationTest
class BotStatusIT {

    private static final String LOG_ERROR = "mutation($input: LogErrorInput!) { logError(input: $input) { duplicate } }";
    private static final String BOTS = """
            query($status: BotStatus) { bots(filter: {status: $status}) { totalCount edges { node { botId status } } } }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void oneBotInEachStatus() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc);
        writePath.configurePlatform("aviator", "dafabet");
        for (String bot : List.of("running", "stale", "bust", "erring", "warned", "idle", "stopped", "silent")) {
            writePath.registerBot(bot); // base stake 10
        }
        writePath.startSession("running", "s-running", "100");
        ok(client.execute(WritePath.HEARTBEAT, Map.of("input", Map.of("botId", "running", "sessionId", "s-running"))));

        writePath.startSession("stale", "s-stale", "100");
        // Nothing heard for 10 minutes: past the 2 minutes.
        jdbc.update("UPDATE session_logs SET updated_at = now() - interval '10 minutes', last_heartbeat_at = NULL"
                + " WHERE session_id = 's-stale'");

        writePath.startSession("bust", "s-bust", "100");
        end("bust", "s-bust", "9.99"); // less than the base stake of 10

        writePath.startSession("erring", "s-erring", "100");
        end("erring", "s-erring", "100");
        logError("erring", "CRITICAL");

        writePath.startSession("warned", "s-warned", "100");
        end("warned", "s-warned", "100");
        logError("warned", "WARNING"); // a warning is not an error: idle

        writePath.startSession("idle", "s-idle", "100");
        end("idle", "s-idle", "10"); // exactly one base stake left: not bust

        writePath.startSession("stopped", "s-stopped", "100");
        end("stopped", "s-stopped", "50");
        // Ended two hours ago, no heartbeat since: past the idle hour.
        jdbc.update("UPDATE session_logs SET updated_at = now() - interval '2 hours' WHERE session_id = 's-stopped'");
        // "silent" never started a session nor sent a heartbeat.
    }

    @Test
    void everyBotHasTheStatusItsSessionsHeartbeatsAndErrorsSay() {
        JsonNode bots = ok(client.execute(BOTS, Map.of())).data("bots");
        Map<String, String> statuses = new HashMap<>();
        bots.path("edges").forEach(edge -> statuses.put(edge.path("node").path("botId").asText(),
                edge.path("node").path("status").asText()));

        assertThat(statuses).isEqualTo(Map.of("running", "RUNNING", "stale", "STALE", "bust", "BUST",
                "erring", "ERROR", "warned", "IDLE", "idle", "IDLE", "stopped", "STOPPED", "silent", "STOPPED"));
    }

    @Test
    void botsFilterByStatusWithTheSameRule() {
        assertThat(botsIn("IDLE")).containsExactlyInAnyOrder("warned", "idle");
        assertThat(botsIn("STOPPED")).containsExactlyInAnyOrder("stopped", "silent");
        assertThat(botsIn("STALE")).containsExactly("stale");
        assertThat(ok(client.execute(BOTS, Map.of("status", "IDLE"))).data("bots.totalCount").asInt()).isEqualTo(2);

        // The stale bot comes back: a heartbeat makes it RUNNING.
        ok(client.execute(WritePath.HEARTBEAT, Map.of("input", Map.of("botId", "stale", "sessionId", "s-stale"))));
        assertThat(botsIn("RUNNING")).containsExactlyInAnyOrder("running", "stale");
        assertThat(botsIn("STALE")).isEmpty();
    }

    @Test
    void staleSessionsAreListedAPageAtATime() {
        writePath.startSession("running", "s-running-2", "100"); // its second session, live
        writePath.startSession("warned", "s-ghost", "100");
        jdbc.update("UPDATE session_logs SET updated_at = now() - interval '20 minutes' WHERE session_id = 's-ghost'");
        String query = """
                query($after: String, $stale: Boolean) {
                  sessions(filter: {stale: $stale}, first: 1, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor } edges { node { sessionId stale status } }
                  }
                }
                """;
        JsonNode first = ok(client.execute(query, Map.of("stale", true))).data("sessions");
        assertThat(first.path("totalCount").asInt()).isEqualTo(2);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        Map<String, Object> next = new HashMap<>(Map.of("stale", true));
        next.put("after", first.path("pageInfo").path("endCursor").asText());
        JsonNode second = ok(client.execute(query, next)).data("sessions");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(List.of(first.path("edges").get(0).path("node").path("sessionId").asText(),
                second.path("edges").get(0).path("node").path("sessionId").asText()))
                .containsExactly("s-stale", "s-ghost");
        assertThat(second.path("edges").get(0).path("node").path("stale").asBoolean()).isTrue();

        JsonNode notStale = ok(client.execute("{ sessions(filter: {stale: false}) { totalCount } }")).data("sessions");
        assertThat(notStale.path("totalCount").asInt()).isEqualTo(7); // 9 sessions, 2 of them stale
    }

    private List<String> botsIn(String status) {
        JsonNode edges = ok(client.execute(BOTS, Map.of("status", status))).data("bots.edges");
        return StreamSupport.stream(edges.spliterator(), false)
                .map(edge -> edge.path("node").path("botId").asText()).toList();
    }

    private void end(String bot, String session, String finalBalance) {
        ok(client.execute(END_SESSION, Map.of("input", Map.of("botId", bot, "sessionId", session,
                "status", "COMPLETED", "finalBalance", finalBalance))));
    }

    private void logError(String bot, String severity) {
        ok(client.execute(LOG_ERROR, Map.of("input", Map.of("botId", bot, "errorType", "ocr_error",
                "severity", severity))));
    }
}
