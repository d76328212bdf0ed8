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

/** {@code bots} and the bot of a session, round or error, over HTTP (see {@link Fleet}). */
@GatewayIntegrationTest
class BotListIT extends FleetTest {

    static final String BOTS = """
            query($filter: BotFilter, $first: Int, $after: String, $direction: SortDirection) {
              bots(filter: $filter, first: $first, after: $after, direction: $direction) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { botId strategyName registeredAt } }
              }
            }
            """;

    @Test
    void everyBotByRegistration() {
        JsonNode bots = bots(Map.of());

        assertThat(nodes(bots, "botId")).containsExactly("alpha", "beta", "gamma");
        assertThat(bots.path("totalCount").asInt()).isEqualTo(3);
        assertThat(nodes(bots(Map.of("direction", "DESC")), "botId")).containsExactly("gamma", "beta", "alpha");
        assertThat(walk(client, BOTS, Map.of(), "bots", 2, "botId")).containsExactly("alpha", "beta", "gamma");
        assertThat(walk(client, BOTS, Map.of("direction", "DESC"), "bots", 1, "botId"))
                .containsExactly("gamma", "beta", "alpha");
    }

    @Test
    void byStrategyOrByWhereAndWhenTheirSessionsStarted() {
        assertThat(botsWhere(Map.of("strategyName", "martingale"))).containsExactly("beta", "gamma");
        assertThat(botsWhere(Map.of("gameName", "jetx"))).containsExactly("alpha");
        assertThat(botsWhere(Map.of("platformCode", "betway"))).containsExactly("beta");
        assertThat(botsWhere(Map.of("gameName", "aviator"))).containsExactly("alpha", "beta");
        // sessions started in [03:00, 05:00): a2 (alpha) and b2 (beta)
        assertThat(botsWhere(Map.of("from", at(3, 0).toEpochMilli(), "to", at(5, 0).toEpochMilli())))
                .containsExactly("alpha", "beta");
        // in [01:30, 02:30): only b1 (beta)
        assertThat(botsWhere(Map.of("from", at(1, 30).toString(), "to", at(2, 30).toString()))).containsExactly("beta");
        // a session of jetx that started after 03:30: none (a2 started at 03:00)
        assertThat(botsWhere(Map.of("gameName", "jetx", "from", at(3, 30).toString()))).isEmpty();
        assertThat(botsWhere(Map.of("strategyName", "martingale", "platformCode", "dafabet"))).containsExactly("beta");
        assertThat(bots(Map.of("filter", Map.of("strategyName", "martingale"))).path("totalCount").asInt()).isEqualTo(2);
    }

    @Test
    void noMatchingBotsIsAnEmptyPage() {
        JsonNode none = bots(Map.of("filter", Map.of("strategyName", "kelly")));

        assertThat(none.path("edges")).isEmpty();
        assertThat(none.path("totalCount").asInt()).isZero();
        assertThat(none.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        refusedNaming(client.execute(BOTS, Map.of("filter", Map.of("gameName", "Jet X"))), "filter.gameName",
                "LOWERCASE_CODE");
        refusedNaming(client.execute(BOTS, Map.of("first", 501)), "first", "MAX_PAGE_SIZE");
        String roundsCursor = ok(client.execute("{ rounds(first: 1) { pageInfo { endCursor } } }"))
                .data("rounds.pageInfo.endCursor").asString();
        refusedNaming(client.execute(BOTS, Map.of("after", roundsCursor)), "after", "VALID_CURSOR");
    }

    @Test
    void theBotOfASessionARoundAndAnError() {
        JsonNode answer = ok(client.execute("""
                {
                  sessions(filter: {botId: "beta"}) { edges { node { bot { botId strategyName } } } }
                  rounds(filter: {sessionId: "a2"}, first: 1) { edges { node { bot { botId } } } }
                  errors(filter: {errorType: "click_failed"}) { edges { node { bot { botId } } } }
                }
                """)).json().path("data");

        assertThat(answer.path("sessions").path("edges").valueStream()
                .map(edge -> edge.path("node").path("bot").path("strategyName").asString()))
                .containsExactly("martingale", "martingale");
        assertThat(answer.path("rounds").path("edges").get(0).path("node").path("bot").path("botId").asString())
                .isEqualTo("alpha");
        assertThat(answer.path("errors").path("edges").get(0).path("node").path("bot").path("botId").asString())
                .isEqualTo("beta");
    }

    private JsonNode bots(Map<String, Object> variables) {
        return ok(client.execute(BOTS, variables)).data("bots");
    }

    private List<String> botsWhere(Map<String, Object> filter) {
        return nodes(bots(Map.of("filter", filter)), "botId");
    }
}
