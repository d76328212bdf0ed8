package com.crashanalytics.api.live;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
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
import tools.jackson.databind.JsonNode;

/**
 * The live feeds end to end: real GraphQL subscriptions over WebSocket (graphql-transport-ws), events caused by
 * real mutations over HTTP, with the keys' scoping, resuming after an event id, and the crash feed's deduplication.
 */
@GatewayIntegrationTest
class LiveSubscriptionsIT {

    private static final String ROUNDS = """
            subscription($filter: LiveRoundFilter, $after: Long) {
              roundLogged(filter: $filter, after: $after) {
                eventId roundId botId sessionId gameName platformCode roundNumber outcome stakeValue
                cashoutMultiplier crashMultiplier profitLoss balanceAfter strategyName
                signals { signalType confidenceScore predictedMultiplier signalCorrectness }
              }
            }""";
    private static final String SESSIONS = """
            subscription($filter: LiveSessionFilter, $after: Long) {
              sessionChanged(filter: $filter, after: $after) {
                eventId change sessionId botId status balance roundsPlayed
              }
            }""";
    private static final String CRASHES = """
            subscription($atLeast: BigDecimal, $after: Long) {
              crashObserved(gameName: "aviator", platformCode: "dafabet", atLeast: $atLeast, after: $after) {
                eventId gameRoundId crashMultiplier streakMultiplier roundsSinceStreakMultiplier
                expectedRoundsBetween chanceOfRunSoLong
              }
            }""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private GraphQlClient admin;
    private WritePath writes;

    @BeforeEach
    void aBotInASession() {
        admin = new GraphQlClient(port);
        writes = new WritePath(admin, jdbc).activeSession();
    }

    @Test
    void aRoundIsStreamedAsItCommitsWithWhatALiveTableShows() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(ROUNDS, Map.of("filter", Map.of("botIds", List.of(BOT)), "after", journalEnd()));
            
            ok(writes.logRound(with(round(1, "WIN", "10.00", "2.10", "1.50"), "signals",
                    List.of(Map.of("signalType", "cashout_1.5x", "confidenceScore", 0.8, "predictedMultiplier", "1.50")))));
            JsonNode event = socket.nextEvent(id, "roundLogged");

            assertThat(event.path("botId").asString()).isEqualTo(BOT);
            assertThat(event.path("sessionId").asString()).isEqualTo(SESSION);
            assertThat(event.path("roundNumber").asInt()).isEqualTo(1);
            assertThat(event.path("outcome").asString()).isEqualTo("WIN");
            assertThat(event.path("stakeValue").decimalValue()).isEqualByComparingTo("10");
            assertThat(event.path("profitLoss").decimalValue()).isEqualByComparingTo("5.00"); // 10 × (1.50 − 1)
            assertThat(event.path("balanceAfter").decimalValue()).isEqualByComparingTo("1005.00");
            assertThat(event.path("crashMultiplier").decimalValue()).isEqualByComparingTo("2.10");
            assertThat(event.path("signals").get(0).path("signalType").asString()).isEqualTo("cashout_1.5x");
            assertThat(event.path("signals").get(0).path("signalCorrectness").asBoolean()).isTrue();
            assertThat(event.path("eventId").asLong()).isPositive();
        }
    }

    @Test
    void aRetriedRoundIsNotAnnouncedTwiceAndFiltersNarrowTheFeed() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(ROUNDS, Map.of("filter", Map.of("botIds", List.of(BOT), "outcomes", List.of("LOSS")),
                    "after", journalEnd()));
            
            Map<String, Object> loss = round(2, "LOSS", "20.00", "1.10", null);
            ok(writes.logRound(round(1, "WIN", "10.00", "2.10", "1.50")));
            ok(writes.logRound(loss));
            ok(writes.logRound(loss)); // the bot retries: a duplicate answer, no new event
            ok(writes.logRound(round(3, "LOSS", "40.00", "1.00", null)));

            assertThat(socket.nextEvent(id, "roundLogged").path("roundNumber").asInt()).isEqualTo(2);
            assertThat(socket.nextEvent(id, "roundLogged").path("roundNumber").asInt()).isEqualTo(3);
            assertThat(socket.nextMessageWithin(500)).as("nothing more").isNull();
        }
    }

    @Test
    void aBotKeySeesOnlyItsOwnBotsWhateverItAsksFor() throws Exception {
        writes.registerBot("other_bot");
        writes.startSession("other_bot", "other_session", "500.00");
        String botKey = new TestApiKeys(port).bot(BOT);
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, botKey).acknowledged()) {
            String id = socket.subscribe(ROUNDS, Map.of("filter", Map.of("botIds", List.of(BOT, "other_bot")),
                    "after", journalEnd()));
            
            ok(writes.logRound(with(round(1, "LOSS", "10.00", "1.20", null), "botId", "other_bot",
                    "sessionId", "other_session")));
            ok(writes.logRound(round(1, "LOSS", "10.00", "1.20", null)));

            JsonNode event = socket.nextEvent(id, "roundLogged");
            assertThat(event.path("botId").asString()).isEqualTo(BOT);
            assertThat(socket.nextMessageWithin(500)).as("never the other bot's round").isNull();
        }
    }

    @Test
    void aClientResumingAfterTheLastEventItSawGetsWhatItMissedThenLiveEventsWithoutGapOrDuplicate() throws Exception {
        long lastSeen;
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(ROUNDS, Map.of("filter", Map.of("botIds", List.of(BOT)), "after", journalEnd()));
                        ok(writes.logRound(round(1, "WIN", "10.00", "2.10", "1.50")));
            lastSeen = socket.nextEvent(id, "roundLogged").path("eventId").asLong();
        }
        // Disconnected: rounds 2 and 3 are logged meanwhile.
        ok(writes.logRounds(List.of(round(2, "LOSS", "10.00", "1.10", null), round(3, "LOSS", "10.00", "1.20", null))));

        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(ROUNDS, Map.of("filter", Map.of("botIds", List.of(BOT)), "after", lastSeen));
            List<Integer> numbers = new ArrayList<>();
            List<Long> eventIds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JsonNode event = socket.nextEvent(id, "roundLogged");
                numbers.add(event.path("roundNumber").asInt());
                eventIds.add(event.path("eventId").asLong());
            }
                        ok(writes.logRound(round(4, "LOSS", "10.00", "1.30", null)));
            JsonNode live = socket.nextEvent(id, "roundLogged");
            numbers.add(live.path("roundNumber").asInt());
            eventIds.add(live.path("eventId").asLong());

            assertThat(numbers).containsExactly(2, 3, 4);
            assertThat(eventIds).isSorted().doesNotHaveDuplicates().allMatch(eventId -> eventId > lastSeen);
            assertThat(socket.nextMessageWithin(500)).as("no duplicate of round 1 or of any other").isNull();
        }
    }

    @Test
    void sessionsStartingEndingAndGoingBustAreStreamed() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(SESSIONS, Map.of("filter", Map.of("botIds", List.of(BOT)), "after", journalEnd()));
            
            writes.startSession(BOT, "short_session", "30.00");
            ok(writes.logRound(with(round(1, "LOSS", "30.00", "1.05", null), "sessionId", "short_session")));
            ok(admin.execute(WritePath.END_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", "short_session",
                    "status", "COMPLETED"))));

            JsonNode started = socket.nextEvent(id, "sessionChanged");
            JsonNode bust = socket.nextEvent(id, "sessionChanged");
            JsonNode ended = socket.nextEvent(id, "sessionChanged");
            assertThat(started.path("change").asString()).isEqualTo("STARTED");
            assertThat(started.path("balance").decimalValue()).isEqualByComparingTo("30.00");
            assertThat(bust.path("change").asString()).isEqualTo("BUST");
            assertThat(bust.path("roundsPlayed").asInt()).isEqualTo(1);
            assertThat(bust.path("balance").decimalValue()).isEqualByComparingTo("0");
            assertThat(ended.path("change").asString()).isEqualTo("ENDED");
            assertThat(ended.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(ended.path("balance").decimalValue()).isEqualByComparingTo("0");
        }
    }

    @Test
    void aGameRoundWatchedByTwoBotsIsOneCrashWithTheRunBelowTenXItEnds() throws Exception {
        writes.registerBot("watcher_bot");
        writes.startSession("watcher_bot", "watcher_session", "1000.00");
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, new TestApiKeys(port).bot("watcher_bot"))
                .acknowledged()) {
            String id = socket.subscribe(CRASHES, Map.of("after", journalEnd()));
            
            // Game rounds g1..g4 crash at 12.00, 1.50, 2.00, 3.00; both bots watch g2 and g3.
            String[][] rounds = {{"g1", "12.00"}, {"g2", "1.50"}, {"g3", "2.00"}, {"g4", "3.00"}};
            for (int i = 0; i < rounds.length; i++) {
                ok(writes.logRound(with(round(i + 1, "SKIP", null, rounds[i][1], null), "roundExternalId", rounds[i][0],
                        "roundStartTimestamp", "2026-12-01T10:00:0" + i + "Z")));
            }
            for (int i = 1; i <= 2; i++) {
                ok(writes.logRound(with(round(i, "SKIP", null, rounds[i][1], null), "botId", "watcher_bot",
                        "sessionId", "watcher_session", "roundExternalId", rounds[i][0],
                        "roundStartTimestamp", "2026-12-01T10:00:0" + i + "Z")));
            }

            List<JsonNode> crashes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                crashes.add(socket.nextEvent(id, "crashObserved"));
            }
            assertThat(socket.nextMessageWithin(500)).as("the second bot's reports of g2 and g3 are not new crashes").isNull();
            assertThat(crashes).extracting(crash -> crash.path("gameRoundId").asString())
                    .containsExactly("g1", "g2", "g3", "g4");
            assertThat(crashes).extracting(crash -> crash.path("roundsSinceStreakMultiplier").asInt())
                    .containsExactly(0, 1, 2, 3);
            // aviator@dafabet keeps the default 3% house edge: p = 0.97 / 10 = 0.097 per round.
            JsonNode g4 = crashes.get(3);
            assertThat(g4.path("expectedRoundsBetween").asDouble()).isCloseTo(0.903 / 0.097, within(1e-9));
            assertThat(g4.path("chanceOfRunSoLong").asDouble()).isCloseTo(Math.pow(0.903, 3), within(1e-9));
        }
    }

    @Test
    void theCrashFeedCanBeNarrowedToTheRareRounds() throws Exception {
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, TestApiKeys.ADMIN).acknowledged()) {
            String id = socket.subscribe(CRASHES, Map.of("atLeast", "10", "after", journalEnd()));
            
            ok(writes.logRound(round(1, "SKIP", null, "9.99", null)));
            ok(writes.logRound(round(2, "SKIP", null, "10.00", null)));

            assertThat(socket.nextEvent(id, "crashObserved").path("crashMultiplier").decimalValue())
                    .isEqualByComparingTo("10.00");
            assertThat(socket.nextMessageWithin(500)).isNull();
        }
    }

    @Test
    void everySubscriptionIsHeldToItsKeysRoles() throws Exception {
        TestApiKeys keys = new TestApiKeys(port);
        Map<String, String> callers = Map.of("BOT", keys.bot(BOT), "DASHBOARD", keys.dashboard(), "ADMIN", TestApiKeys.ADMIN);
        Map<String, List<String>> allowed = Map.of(
                // Filters no event of another test can pass: an allowed subscription then stays silent.
                "subscription { roundLogged(filter: {botIds: [\"nobody\"]}) { eventId } }", List.of("BOT", "DASHBOARD", "ADMIN"),
                "subscription { sessionChanged(filter: {botIds: [\"nobody\"]}) { eventId } }", List.of("BOT", "DASHBOARD", "ADMIN"),
                "subscription { crashObserved(gameName: \"no game\") { eventId } }", List.of("BOT", "DASHBOARD", "ADMIN"),
                "subscription { alertRaised { eventId } }", List.of("DASHBOARD", "ADMIN"));
        for (Map.Entry<String, List<String>> subscription : allowed.entrySet()) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, caller.getValue()).acknowledged()) {
                    socket.subscribe(subscription.getKey(), Map.of());
                    JsonNode answer = socket.nextMessageWithin(1_000);
                    String cell = caller.getKey() + " on " + subscription.getKey();
                    if (subscription.getValue().contains(caller.getKey())) {
                        assertThat(answer).as(cell + ": subscribed, nothing to say until an event comes").isNull();
                    } else {
                        assertThat(answer).as(cell).isNotNull();
                        assertThat(answer.toString()).as(cell).contains("FORBIDDEN");
                    }
                }
            }
        }
    }

    /**
     * Where the journal ends now. A live-only subscription hears what commits after the server registered it, which
     * the protocol does not acknowledge; subscribing with after: this instead makes the tests independent of how
     * long registration takes (and is what a client that cares about every event does).
     */
    private long journalEnd() {
        return LiveJournal.end(jdbc);
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }
}
