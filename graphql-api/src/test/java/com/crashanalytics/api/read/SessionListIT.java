package com.crashanalytics.api.read;

import static com.crashanalytics.api.read.Fleet.at;
import static com.crashanalytics.api.read.Fleet.nodes;
import static com.crashanalytics.api.read.Fleet.refusedNaming;
import static com.crashanalytics.api.read.Fleet.walk;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code sessions}, {@code Bot.sessions}, {@code Bot.currentSession} and a session's bot, over HTTP (see {@link Fleet}). */
@GatewayIntegrationTest
class SessionListIT extends FleetTest {

    static final String SESSIONS = """
            query($filter: SessionFilter, $first: Int, $after: String, $direction: SortDirection) {
              sessions(filter: $filter, first: $first, after: $after, direction: $direction) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { sessionId status startTime bot { botId } totals { totalRounds } } }
              }
            }
            """;
    static final String BOT_SESSIONS = """
            query($bot: ID!, $filter: SessionFilter, $first: Int, $after: String, $direction: SortDirection) {
              bot(botId: $bot) {
                currentSession { sessionId status }
                sessions(filter: $filter, first: $first, after: $after, direction: $direction) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor node { sessionId } }
                }
              }
            }
            """;

    @Test
    void everySessionByStartTimeWithItsBot() {
        JsonNode sessions = sessions(Map.of());

        assertThat(nodes(sessions, "sessionId")).containsExactly("a1", "b1", "a2", "b2");
        assertThat(sessions.path("totalCount").asInt()).isEqualTo(4);
        assertThat(sessions.path("edges").valueStream().map(edge -> edge.path("node").path("bot").path("botId").asString()))
                .containsExactly("alpha", "beta", "alpha", "beta");
        assertThat(sessions.path("edges").get(0).path("node").path("totals").path("totalRounds").asInt()).isEqualTo(5);
        assertThat(nodes(sessions(Map.of("direction", "DESC")), "sessionId")).containsExactly("b2", "a2", "b1", "a1");
    }

    @Test
    void pagingVisitsEverySessionOnceInOrder() {
        assertThat(walk(client, SESSIONS, Map.of(), "sessions", 3, "sessionId")).containsExactly("a1", "b1", "a2", "b2");
        assertThat(walk(client, SESSIONS, Map.of("direction", "DESC"), "sessions", 1, "sessionId"))
                .containsExactly("b2", "a2", "b1", "a1");
    }

    @Test
    void eachFilterAloneAndCombined() {
        assertThat(sessionsWhere(Map.of("botId", "alpha"))).containsExactly("a1", "a2");
        assertThat(sessionsWhere(Map.of("gameName", "jetx"))).containsExactly("a2");
        assertThat(sessionsWhere(Map.of("platformCode", "dafabet"))).containsExactly("a1", "a2", "b2");
        assertThat(sessionsWhere(Map.of("strategyName", "martingale"))).containsExactly("b1", "b2");
        assertThat(sessionsWhere(Map.of("strategyName", "paroli"))).containsExactly("a2");
        assertThat(sessionsWhere(Map.of("status", "ACTIVE"))).containsExactly("a2", "b2");
        assertThat(sessionsWhere(Map.of("status", "ABORTED"))).containsExactly("b1");
        assertThat(sessionsWhere(Map.of("from", at(2, 0).toString(), "to", at(4, 0).toString())))
                .as("from inclusive, to exclusive").containsExactly("b1", "a2");
        assertThat(sessionsWhere(Map.of("from", at(2, 0).toEpochMilli(), "to", at(4, 0).toEpochMilli())))
                .as("epoch milliseconds").containsExactly("b1", "a2");
        assertThat(sessionsWhere(Map.of("botId", "beta", "status", "ACTIVE", "gameName", "aviator"))).containsExactly("b2");
        assertThat(sessions(Map.of("filter", Map.of("platformCode", "dafabet", "status", "ACTIVE")))
                .path("totalCount").asInt()).isEqualTo(2);
    }

    @Test
    void noMatchingSessionsIsAnEmptyPage() {
        JsonNode none = sessions(Map.of("filter", Map.of("botId", "gamma")));

        assertThat(none.path("edges")).isEmpty();
        assertThat(none.path("totalCount").asInt()).isZero();
        assertThat(none.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        refusedNaming(client.execute(SESSIONS, Map.of("filter", Map.of("platformCode", "Dafabet"))),
                "filter.platformCode", "LOWERCASE_CODE");
        refusedNaming(client.execute(SESSIONS, Map.of("filter", Map.of("from", at(2, 0).toEpochMilli(),
                "to", at(1, 0).toEpochMilli()))), "filter.to", "AFTER_FROM");
        refusedNaming(client.execute(SESSIONS, Map.of("first", 1000)), "first", "MAX_PAGE_SIZE");
        refusedNaming(client.execute(SESSIONS, Map.of("after", "Zm9v")), "after", "VALID_CURSOR");
    }

    @Test
    void aBotsSessionsAndCurrentSession() {
        JsonNode alpha = ok(client.execute(BOT_SESSIONS, Map.of("bot", "alpha"))).data("bot");
        assertThat(nodes(alpha.path("sessions"), "sessionId")).containsExactly("a1", "a2");
        assertThat(alpha.path("sessions").path("totalCount").asInt()).isEqualTo(2);
        assertThat(alpha.path("currentSession").path("sessionId").asString()).as("started last").isEqualTo("a2");
        assertThat(alpha.path("currentSession").path("status").asString()).isEqualTo("ACTIVE");

        JsonNode gamma = ok(client.execute(BOT_SESSIONS, Map.of("bot", "gamma"))).data("bot");
        assertThat(gamma.path("currentSession").isNull()).isTrue();
        assertThat(gamma.path("sessions").path("edges")).isEmpty();
        assertThat(gamma.path("sessions").path("totalCount").asInt()).isZero();

        JsonNode ended = ok(client.execute(BOT_SESSIONS, Map.of("bot", "beta", "filter",
                Map.of("status", "ABORTED")))).data("bot.sessions");
        assertThat(nodes(ended, "sessionId")).containsExactly("b1");
        assertThat(ended.path("totalCount").asInt()).isEqualTo(1);
        assertThat(walk(client, BOT_SESSIONS, Map.of("bot", "beta", "direction", "DESC"), "bot.sessions", 1,
                "sessionId")).containsExactly("b2", "b1");
    }

    @Test
    void severalBotsSessionsInOneQueryWithAliasesOfOtherArguments() {
        JsonNode bots = ok(client.execute("""
                {
                  bots {
                    edges { node { botId
                      oldest: sessions(first: 1) { edges { node { sessionId } } }
                      newest: sessions(first: 1, direction: DESC) { edges { node { sessionId } } }
                    } }
                  }
                }
                """)).data("bots");

        assertThat(bots.path("edges").valueStream()
                .map(edge -> edge.path("node").path("botId").asString() + ":"
                        + nodes(edge.path("node").path("oldest"), "sessionId") + nodes(edge.path("node").path("newest"), "sessionId")))
                .containsExactly("alpha:[a1][a2]", "beta:[b1][b2]", "gamma:[][]");
    }

    private JsonNode sessions(Map<String, Object> variables) {
        return ok(client.execute(SESSIONS, variables)).data("sessions");
    }

    private List<String> sessionsWhere(Map<String, Object> filter) {
        return nodes(sessions(Map.of("filter", filter)), "sessionId");
    }
}
