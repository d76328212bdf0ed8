package com.crashanalytics.api.session;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.END_SESSION;
import static com.crashanalytics.api.testing.WritePath.HEARTBEAT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.START_SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** startSession, heartbeat, endSession and session(sessionId) over HTTP. */
@GatewayIntegrationTest
class SessionLifecycleIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void aRegisteredBotOnAConfiguredPlatform() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc);
        writePath.registerBot(BOT);
        writePath.configurePlatform("aviator", "dafabet");
    }

    static Map<String, Object> start() {
        return Map.of("botId", BOT, "sessionId", SESSION, "gameName", "aviator", "platformCode", "dafabet",
                "initialBalance", "1000.00", "startTime", "2026-11-21T14:00:00Z",
                "strategyParameters", Map.of("target", 1.33, "steps", java.util.List.of(1, 2, 4)));
    }

    @Test
    void startsASessionWithTheBotsStrategyAndRecordsItOnTheBot() {
        JsonNode payload = ok(client.execute(START_SESSION, Map.of("input", start()))).data("startSession");

        assertThat(payload.path("duplicate").asBoolean()).isFalse();
        JsonNode session = payload.path("session");
        assertThat(session.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(session.path("strategyName").asString()).isEqualTo("compound_1.33x");
        assertThat(session.path("strategyParameters").path("steps").get(2).asInt()).isEqualTo(4);
        assertThat(session.path("startTime").asString()).isEqualTo("2026-11-21T14:00:00Z");
        assertThat(session.path("totals").path("currentBalance").decimalValue()).isEqualByComparingTo("1000");
        assertThat(session.path("totals").path("winRate").isNull()).isTrue();
        assertThat(session.path("stale").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT session_id FROM bot_vm_registration", String.class)).isEqualTo(SESSION);
        assertThat(jdbc.queryForObject("SELECT strategy_parameters->>'target' FROM session_logs", String.class)).isEqualTo("1.33");
    }

    @Test
    void startingAgainWithTheSameDataReturnsTheSessionAndWithOtherDataIsAConflict() {
        JsonNode first = ok(client.execute(START_SESSION, Map.of("input", start()))).data("startSession.session");
        Map<String, Integer> before = writePath.rowCounts();

        GraphQlResponse again = ok(client.execute(START_SESSION, Map.of("input", start())));
        GraphQlResponse other = client.execute(START_SESSION, Map.of("input", with(start(), "initialBalance", "500")));

        assertThat(again.data("startSession.duplicate").asBoolean()).isTrue();
        assertThat(again.data("startSession.session.createdAt")).isEqualTo(first.path("createdAt"));
        refused(other, "CONFLICT", "input.sessionId", "CONFLICT");
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    @Test
    void anotherBotsSessionIdIsTakenWithoutSayingWhoseItIs() {
        ok(client.execute(START_SESSION, Map.of("input", start())));
        writePath.registerBot("jetx_bot_002");

        GraphQlResponse taken = client.execute(START_SESSION, Map.of("input", with(start(), "botId", "jetx_bot_002")));

        refused(taken, "CONFLICT", "input.sessionId", "CONFLICT");
        String message = taken.errors().get(0).path("message").asString();
        assertThat(message).contains("already in use").doesNotContain(BOT).doesNotContain("aviator")
                .doesNotContain("1000");
        assertThat(writePath.count("session_logs")).isEqualTo(1);
    }

    @Test
    void aSessionNeedsAKnownBotAndAConfiguredPlatform() {
        refused(client.execute(START_SESSION, Map.of("input", with(start(), "botId", "nobody"))), "NOT_FOUND",
                "input.botId", "MUST_EXIST");
        GraphQlResponse unconfigured = client.execute(START_SESSION, Map.of("input", with(start(), "platformCode", "fun88")));
        refused(unconfigured, "NOT_FOUND", "input.platformCode", "MUST_EXIST");
        assertThat(unconfigured.errors().get(0).path("message").asString()).contains("configurePlatform");
        assertThat(writePath.count("session_logs")).isZero();
    }

    @Test
    void badStartsAreRefused() {
        refused(client.execute(START_SESSION, Map.of("input", with(start(), "initialBalance", "-1"))), "BAD_REQUEST",
                "input.initialBalance", "NON_NEGATIVE");
        refused(client.execute(START_SESSION, Map.of("input", with(start(), "startTime",
                Instant.now().plus(10, ChronoUnit.MINUTES).toString()))), "BAD_REQUEST", "input.startTime", "NOT_IN_FUTURE");
        refused(client.execute(START_SESSION, Map.of("input", with(start(), "sessionId", " padded"))), "BAD_REQUEST",
                "input.sessionId", "NO_SURROUNDING_WHITESPACE");
        assertThat(writePath.count("session_logs")).isZero();
    }

    @Test
    void aHeartbeatIsRecordedOnTheBotAndTheSession() {
        ok(client.execute(START_SESSION, Map.of("input", start())));

        JsonNode beat = ok(client.execute(HEARTBEAT, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION))))
                .data("heartbeat");

        String at = beat.path("receivedAt").asString();
        assertThat(beat.path("bot").path("lastHeartbeatAt").asString()).isEqualTo(at);
        assertThat(beat.path("session").path("lastHeartbeatAt").asString()).isEqualTo(at);
        assertThat(beat.path("session").path("stale").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT last_heartbeat_at IS NOT NULL FROM bot_vm_registration", Boolean.class)).isTrue();
        JsonNode botOnly = ok(client.execute(HEARTBEAT, Map.of("input", Map.of("botId", BOT)))).data("heartbeat");
        assertThat(botOnly.path("session").isNull()).isTrue();
        refused(client.execute(HEARTBEAT, Map.of("input", Map.of("botId", "nobody"))), "NOT_FOUND", "input.botId", "MUST_EXIST");
    }

    @Test
    void aSessionNotHeardFromForLongIsStale() {
        ok(client.execute(START_SESSION, Map.of("input", start())));
        jdbc.update("UPDATE session_logs SET updated_at = now() - interval '10 minutes', last_heartbeat_at = NULL");

        assertThat(writePath.session(SESSION).path("stale").asBoolean()).isTrue();

        ok(client.execute(HEARTBEAT, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION))));
        assertThat(writePath.session(SESSION).path("stale").asBoolean()).isFalse();
    }

    @Test
    void endingASessionOnceAndAgain() {
        ok(client.execute(START_SESSION, Map.of("input", start())));
        Map<String, Object> end = Map.of("botId", BOT, "sessionId", SESSION, "status", "COMPLETED",
                "finalBalance", "1050.00", "notes", "stop-win reached", "endTime", "2026-11-21T16:00:00Z");

        JsonNode ended = ok(client.execute(END_SESSION, Map.of("input", end))).data("endSession");
        GraphQlResponse again = ok(client.execute(END_SESSION, Map.of("input", end)));
        GraphQlResponse differently = client.execute(END_SESSION, Map.of("input", with(end, "status", "ABORTED")));

        assertThat(ended.path("duplicate").asBoolean()).isFalse();
        assertThat(ended.path("session").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(ended.path("session").path("endTime").asString()).isEqualTo("2026-11-21T16:00:00Z");
        assertThat(again.data("endSession.duplicate").asBoolean()).isTrue();
        refused(differently, "CONFLICT", "input.status", "CONFLICT");
        Map<String, Object> row = jdbc.queryForMap("SELECT status, final_balance, notes FROM session_logs");
        assertThat(row.get("status")).isEqualTo("COMPLETED");
        assertThat((BigDecimal) row.get("final_balance")).isEqualByComparingTo("1050");
        assertThat(row.get("notes")).isEqualTo("stop-win reached");
        // an ended session accepts no more rounds
        refused(writePath.logRound(round(1, "SKIP", null, "2", null)), "CONFLICT", "input.sessionId", "CONFLICT");
    }

    @Test
    void badEndsAreRefused() {
        ok(client.execute(START_SESSION, Map.of("input", start())));

        refused(client.execute(END_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION, "status", "ACTIVE"))),
                "BAD_REQUEST", "input.status", "ENDED_STATUS");
        refused(client.execute(END_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "status", "COMPLETED", "endTime", "2026-11-21T13:59:59Z"))), "BAD_REQUEST", "input.endTime", "NOT_BEFORE_START");
        refused(client.execute(END_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", "nope", "status", "ERROR"))),
                "NOT_FOUND", "input.sessionId", "MUST_EXIST");
        assertThat(jdbc.queryForObject("SELECT status FROM session_logs", String.class)).isEqualTo("ACTIVE");
    }

    @Test
    void anUnknownSessionReadsAsNull() {
        assertThat(ok(client.execute("{ session(sessionId: \"nope\") { sessionId } }")).data("session").isNull()).isTrue();
    }
}
