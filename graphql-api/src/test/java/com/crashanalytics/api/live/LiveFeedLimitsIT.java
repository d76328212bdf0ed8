package com.crashanalytics.api.live;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.LiveJournal;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The live side's limits and timers, with small settings: a subscriber too slow for its buffer is ended with where
 * to resume (and ingest never waits for it), and a session going silent is announced once per silence.
 */
@GatewayIntegrationTest
@DirtiesContext // its fast stale-session watch would announce other tests' sessions if its context stayed cached
@TestPropertySource(properties = {
        "gateway.live.subscriber-buffer=5",
        "gateway.sessions.stale-after=PT2S",
        "gateway.live.stale-sweep-interval=PT0.2S"})
class LiveFeedLimitsIT {

    private static final String ROUNDS = """
            subscription($after: Long) {
              roundLogged(filter: {botIds: ["aviator_bot_001"]}, after: $after) { eventId roundNumber }
            }""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private WritePath writes;

    @BeforeEach
    void aBotInASession() {
        writes = new WritePath(new GraphQlClient(port), jdbc).activeSession();
    }

    private long journalEnd() {
        return LiveJournal.end(jdbc);
    }

    @Test
    void aSubscriberTooSlowForItsBufferIsEndedWithWhereToResumeAndMissesNothingWhenItDoes() throws Exception {
        int rounds = 3_000;
        List<Integer> received = new ArrayList<>();
        long resumeAfter;
        long lastReceived = journalEnd(); // where the first feed starts
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(ROUNDS, Map.of("after", lastReceived));
            socket.pauseReading();

            // Ingest goes on at full speed while the subscriber reads nothing.
            for (int first = 1; first <= rounds; first += 500) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int number = first; number < first + 500; number++) {
                    batch.add(round(number, "SKIP", null, "1.50", null));
                }
                ok(writes.logRounds(batch));
            }
            socket.resumeReading();

            JsonNode message = socket.nextMessage();
            while (message != null && "next".equals(message.path("type").asString())) {
                JsonNode event = message.path("payload").path("data").path("roundLogged");
                received.add(event.path("roundNumber").asInt());
                lastReceived = event.path("eventId").asLong();
                message = socket.nextMessage();
            }
            assertThat(message).as("the feed ends with an error").isNotNull();
            assertThat(message.path("id").asString()).isEqualTo(id);
            assertThat(message.path("type").asString()).isEqualTo("error");
            JsonNode error = message.path("payload").get(0);
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("SUBSCRIBER_TOO_SLOW");
            resumeAfter = error.path("extensions").path("resumeAfter").asLong();
            // Not where the feed got to: graphql-java drops results still in flight when a feed fails.
            assertThat(resumeAfter).as("where to resume is the last event this client was sent").isEqualTo(lastReceived);
            assertThat(received).as("it got fewer than all before overflowing").hasSizeLessThan(rounds);
        }
        // As a client would: resume from where it was told, again if it is too slow again (not expected, the
        // backlog is read from the journal before the small buffer is used, but allowed by the policy).
        for (int resumes = 0; received.size() < rounds; resumes++) {
            assertThat(resumes).as("resumes needed").isLessThan(10);
            try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
                socket.subscribe(ROUNDS, Map.of("after", resumeAfter));
                while (received.size() < rounds) {
                    JsonNode message = socket.nextMessage();
                    assertThat(message).as("resumed events keep coming after %s", received.size()).isNotNull();
                    if ("error".equals(message.path("type").asString())) {
                        JsonNode error = message.path("payload").get(0);
                        assertThat(error.path("extensions").path("classification").asString()).as(message.toString())
                                .isEqualTo("SUBSCRIBER_TOO_SLOW");
                        resumeAfter = error.path("extensions").path("resumeAfter").asLong();
                        assertThat(resumeAfter).isEqualTo(lastReceived);
                        break;
                    }
                    assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
                    JsonNode event = message.path("payload").path("data").path("roundLogged");
                    received.add(event.path("roundNumber").asInt());
                    lastReceived = event.path("eventId").asLong();
                }
            }
        }
        List<Integer> everyRound = new ArrayList<>();
        for (int number = 1; number <= rounds; number++) {
            everyRound.add(number);
        }
        assertThat(received).as("every round once, in order, across the overflow and the resume").isEqualTo(everyRound);
    }

    @Test
    void aSessionGoingSilentIsAnnouncedOncePerSilence() throws Exception {
        GraphQlClient admin = new GraphQlClient(port);
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe("""
                    subscription($after: Long) {
                      sessionChanged(filter: {sessionId: "session_20261121_001", changes: [STALE]}, after: $after) {
                        change sessionId status at lastSeenAt } }""", Map.of("after", journalEnd()));

            JsonNode first = socket.nextMessage(); // 2 s of silence after the session started
            assertThat(first.path("payload").path("data").path("sessionChanged").path("change").asString())
                    .isEqualTo("STALE");
            assertThat(socket.nextMessageWithin(1_500)).as("told once per silence").isNull();

            ok(admin.execute(WritePath.HEARTBEAT, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION))));
            JsonNode second = socket.nextMessage(); // a new silence after the heartbeat
            assertThat(second).isNotNull();
            assertThat(second.path("payload").path("data").path("sessionChanged").path("status").asString())
                    .isEqualTo("ACTIVE");
            assertThat(id).isEqualTo(second.path("id").asString());
        }
    }
}
