package com.crashanalytics.api.read;

import static com.crashanalytics.api.read.Fleet.nodes;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who sees what in the lists across bots: ADMIN and DASHBOARD keys every bot's rows, a BOT key its own bots' rows
 * only, whatever its filter asks for (see {@link Fleet}); and {@code botIds}, the filter dashboards use for a
 * multi-value variable.
 */
@GatewayIntegrationTest
class ReadAccessIT extends FleetTest {

    static final String LISTS = """
            query($bots: BotFilter, $sessions: SessionFilter, $rounds: RoundFilter, $errors: ErrorFilter) {
              bots(filter: $bots) { totalCount edges { node { botId } } }
              sessions(filter: $sessions) { totalCount edges { node { sessionId } } }
              rounds(filter: $rounds) { totalCount edges { node { sessionId roundNumber } } }
              errors(filter: $errors) { totalCount edges { node { botId errorType } } }
            }
            """;

    @Test
    void aBotKeySeesItsOwnBotsRowsOnly() {
        JsonNode lists = lists(as(new TestApiKeys(port).bot("alpha")), Map.of());

        assertThat(nodes(lists.path("bots"), "botId")).containsExactly("alpha");
        assertThat(nodes(lists.path("sessions"), "sessionId")).containsExactly("a1", "a2");
        assertThat(nodes(lists.path("rounds"), "sessionId", "roundNumber"))
                .containsExactly("a1#1", "a1#2", "a1#3", "a1#4", "a1#5", "a2#1", "a2#2", "a2#3");
        assertThat(nodes(lists.path("errors"), "botId")).containsOnly("alpha").hasSize(3);
        assertThat(List.of(lists.path("bots").path("totalCount").asInt(), lists.path("sessions").path("totalCount").asInt(),
                lists.path("rounds").path("totalCount").asInt(), lists.path("errors").path("totalCount").asInt()))
                .as("counts only what it may see").containsExactly(1, 2, 8, 3);
    }

    @Test
    void aBotKeyAskingForAnotherBotsRowsGetsNone() {
        GraphQlClient alpha = as(new TestApiKeys(port).bot("alpha"));

        JsonNode beta = lists(alpha, Map.of("rounds", Map.of("botId", "beta"), "sessions", Map.of("botIds", List.of("beta")),
                "bots", Map.of("botIds", List.of("alpha", "beta")), "errors", Map.of("sessionId", "b1")));

        assertThat(beta.path("rounds").path("edges")).isEmpty();
        assertThat(beta.path("rounds").path("totalCount").asInt()).isZero();
        assertThat(beta.path("sessions").path("edges")).isEmpty();
        assertThat(nodes(beta.path("bots"), "botId")).as("the visible one among those asked for").containsExactly("alpha");
        assertThat(beta.path("errors").path("edges")).isEmpty();
    }

    @Test
    void aKeyForSeveralBotsAndADashboardKeySeeMore() {
        JsonNode both = lists(as(new TestApiKeys(port).bot("alpha", "beta")), Map.of());
        JsonNode dashboard = lists(as(new TestApiKeys(port).dashboard()), Map.of());

        assertThat(nodes(both.path("bots"), "botId")).containsExactly("alpha", "beta");
        assertThat(both.path("rounds").path("totalCount").asInt()).isEqualTo(15);
        assertThat(nodes(dashboard.path("bots"), "botId")).containsExactly("alpha", "beta", "gamma");
        assertThat(dashboard.path("errors").path("totalCount").asInt()).isEqualTo(5);
    }

    @Test
    void botIdsSelectSeveralBotsAtOnce() {
        JsonNode lists = lists(client, Map.of("bots", Map.of("botIds", List.of("gamma", "alpha")),
                "rounds", Map.of("botIds", List.of("beta"), "roundOutcome", "WIN"),
                "sessions", Map.of("botIds", List.of()), "errors", Map.of("botIds", List.of("alpha", "beta"),
                        "errorType", "ocr_error")));

        assertThat(nodes(lists.path("bots"), "botId")).containsExactly("alpha", "gamma");
        assertThat(nodes(lists.path("rounds"), "sessionId", "roundNumber")).containsExactly("b1#1", "b1#2", "b2#2", "b2#3");
        assertThat(lists.path("sessions").path("edges")).as("no bots: no rows").isEmpty();
        assertThat(lists.path("errors").path("totalCount").asInt()).isEqualTo(2);
        Fleet.refusedNaming(client.execute(LISTS, Map.of("rounds", Map.of("botIds", List.of("alpha", " beta")))),
                "filter.botIds[1]", "NO_SURROUNDING_WHITESPACE");
    }

    private GraphQlClient as(String key) {
        return new GraphQlClient(port).withApiKey(key);
    }

    private static JsonNode lists(GraphQlClient client, Map<String, Object> filters) {
        return ok(client.execute(LISTS, filters)).json().path("data");
    }
}
