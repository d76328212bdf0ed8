package com.crashanalytics.api.read;

import static com.crashanalytics.api.read.Fleet.nodes;
import static com.crashanalytics.api.read.Fleet.refusedNaming;
import static com.crashanalytics.api.read.Fleet.walk;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * {@code Strategy.bots} and {@code Strategy.sessions} over HTTP (see {@link Fleet}): the lists {@code bots} and
 * {@code sessions} under a strategy's name, paged alike, and read for every strategy of a comparison in one statement
 * per list. The fleet's strategies, from its rounds: compound_1.33x (alpha registered with it; a1), martingale (beta
 * and gamma registered; b1, b2), paroli (no bot registered with it; alpha's a2 played it).
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class StrategyListsIT extends FleetTest {

    static final String STRATEGIES = """
            {
              strategies {
                name
                bots { totalCount edges { node { botId } } }
                sessions { totalCount edges { node { sessionId } } }
              }
            }
            """;
    static final String STRATEGY_SESSIONS = """
            query($name: String!, $filter: SessionFilter, $first: Int, $after: String, $direction: SortDirection) {
              strategy(name: $name) {
                sessions(filter: $filter, first: $first, after: $after, direction: $direction) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor node { sessionId status } }
                }
              }
            }
            """;
    static final String STRATEGY_BOTS = """
            query($name: String!, $filter: BotFilter, $first: Int, $after: String, $direction: SortDirection) {
              strategy(name: $name) {
                bots(filter: $filter, first: $first, after: $after, direction: $direction) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor node { botId } }
                }
              }
            }
            """;

    @Test
    void eachStrategyListsItsRegisteredBotsAndTheSessionsPlayedWithIt() {
        JsonNode strategies = ok(client.execute(STRATEGIES)).data("strategies");

        assertThat(strategies.valueStream().map(strategy -> strategy.path("name").asString() + ": "
                + nodes(strategy.path("bots"), "botId") + " " + nodes(strategy.path("sessions"), "sessionId")))
                .containsExactly(
                        "compound_1.33x: [alpha] [a1]",
                        "martingale: [beta, gamma] [b1, b2]",
                        "paroli: [] [a2]");
        assertThat(strategies.valueStream().map(strategy -> strategy.path("bots").path("totalCount").asInt() + "/"
                + strategy.path("sessions").path("totalCount").asInt())).containsExactly("1/1", "2/2", "0/1");
    }

    @Test
    void theSameAsTheRootListsFilteredByTheStrategy() {
        JsonNode viaStrategy = ok(client.execute(STRATEGY_SESSIONS, Map.of("name", "martingale"))).data("strategy.sessions");
        JsonNode viaRoot = ok(client.execute("{ sessions(filter: {strategyName: \"martingale\"}) { totalCount edges { cursor node { sessionId } } } }"))
                .data("sessions");

        assertThat(nodes(viaStrategy, "sessionId")).isEqualTo(nodes(viaRoot, "sessionId"));
        assertThat(viaStrategy.path("edges").get(0).path("cursor").asString())
                .as("the same list, so the same cursors").isEqualTo(viaRoot.path("edges").get(0).path("cursor").asString());
    }

    @Test
    void pagedFilteredAndReversedLikeEveryList() {
        assertThat(walk(client, STRATEGY_SESSIONS, Map.of("name", "martingale"), "strategy.sessions", 1, "sessionId"))
                .containsExactly("b1", "b2");
        assertThat(walk(client, STRATEGY_SESSIONS, Map.of("name", "martingale", "direction", "DESC"),
                "strategy.sessions", 1, "sessionId")).containsExactly("b2", "b1");
        assertThat(walk(client, STRATEGY_BOTS, Map.of("name", "martingale"), "strategy.bots", 1, "botId"))
                .containsExactly("beta", "gamma");

        JsonNode active = ok(client.execute(STRATEGY_SESSIONS, Map.of("name", "martingale",
                "filter", Map.of("status", "ACTIVE")))).data("strategy.sessions");
        assertThat(nodes(active, "sessionId")).containsExactly("b2");
        assertThat(active.path("totalCount").asInt()).isEqualTo(1);
        // gamma never played: the bots filter's game selects bots by their sessions
        JsonNode playedAviator = ok(client.execute(STRATEGY_BOTS, Map.of("name", "martingale",
                "filter", Map.of("gameName", "aviator")))).data("strategy.bots");
        assertThat(nodes(playedAviator, "botId")).containsExactly("beta");
        assertThat(playedAviator.path("totalCount").asInt()).isEqualTo(1);
        // the filter narrows the strategy's rows: another strategy's name leaves none
        assertThat(ok(client.execute(STRATEGY_SESSIONS, Map.of("name", "martingale",
                "filter", Map.of("strategyName", "paroli")))).data("strategy.sessions").path("edges")).isEmpty();

        refusedNaming(client.execute(STRATEGY_SESSIONS, Map.of("name", "martingale", "first", 501)), "first",
                "MAX_PAGE_SIZE");
        String botsCursor = ok(client.execute(STRATEGY_BOTS, Map.of("name", "martingale", "first", 1)))
                .data("strategy.bots.pageInfo.endCursor").asString();
        refusedNaming(client.execute(STRATEGY_SESSIONS, Map.of("name", "martingale", "after", botsCursor)), "after",
                "VALID_CURSOR");
    }

    @Test
    void oneStatementPerListWhateverTheNumberOfStrategies() {
        String fields = """
                name
                bots(first: 1) { totalCount edges { node { botId } } }
                sessions(direction: DESC) { totalCount edges { node { sessionId summary { rounds maxDrawdown { amount } } } } }
                """;

        List<Executed> three = recorded("{ strategies { " + fields + " } }");
        List<Executed> one = recorded("{ strategy(name: \"paroli\") { " + fields + " } }");

        // the read's set-up (isolation and statement_timeout), the strategies (or whether the one exists), their bots, the bots' count,
        // their sessions, the sessions' count, the sessions' summaries
        assertThat(three).as(String.join("\n", three.stream().map(Executed::toString).toList())).hasSize(7);
        assertThat(one).as(String.join("\n", one.stream().map(Executed::toString).toList())).hasSize(7);
    }

    private List<Executed> recorded(String document) {
        StatementRecorder.INSTANCE.start(false);
        ok(client.execute(document));
        return StatementRecorder.INSTANCE.stop();
    }
}
