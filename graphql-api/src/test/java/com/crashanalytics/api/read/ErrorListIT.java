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

/** {@code errors}, {@code Bot.errors}, {@code Session.errors} and what an error concerns, over HTTP (see {@link Fleet}). */
@GatewayIntegrationTest
class ErrorListIT extends FleetTest {

    static final String ERRORS = """
            query($filter: ErrorFilter, $first: Int, $after: String, $direction: SortDirection) {
              errors(filter: $filter, first: $first, after: $after, direction: $direction) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id errorType severity timestamp
                                      session { sessionId } round { sessionId roundNumber } } }
              }
            }
            """;
    /** The errors in time order, by type and severity. */
    static final List<String> ALL = List.of("network_timeout#ERROR", "ocr_error#WARNING", "click_failed#CRITICAL",
            "ocr_error#INFO", "cashout_missed#ERROR");

    @Test
    void everyErrorByTimeAndPaged() {
        JsonNode errors = errors(Map.of());

        assertThat(nodes(errors, "errorType", "severity")).isEqualTo(ALL);
        assertThat(errors.path("totalCount").asInt()).isEqualTo(5);
        assertThat(walk(client, ERRORS, Map.of(), "errors", 2, "errorType", "severity")).isEqualTo(ALL);
        assertThat(walk(client, ERRORS, Map.of("direction", "DESC"), "errors", 3, "errorType", "severity"))
                .isEqualTo(Fleet.reversed(ALL));
    }

    @Test
    void eachFilterAloneAndCombined() {
        assertThat(errorsWhere(Map.of("botId", "alpha")))
                .containsExactly("network_timeout#ERROR", "ocr_error#WARNING", "ocr_error#INFO");
        assertThat(errorsWhere(Map.of("sessionId", "b1"))).containsExactly("click_failed#CRITICAL");
        assertThat(errorsWhere(Map.of("errorType", "ocr_error"))).containsExactly("ocr_error#WARNING", "ocr_error#INFO");
        assertThat(errorsWhere(Map.of("severity", "ERROR"))).containsExactly("network_timeout#ERROR", "cashout_missed#ERROR");
        assertThat(errorsWhere(Map.of("from", at(1, 0).toString(), "to", at(3, 5).toString())))
                .as("to is exclusive").containsExactly("ocr_error#WARNING", "click_failed#CRITICAL");
        assertThat(errorsWhere(Map.of("from", at(1, 0).toEpochMilli(), "to", at(3, 5).toEpochMilli())))
                .containsExactly("ocr_error#WARNING", "click_failed#CRITICAL");
        assertThat(errorsWhere(Map.of("botId", "alpha", "errorType", "ocr_error", "from", at(2, 0).toString())))
                .containsExactly("ocr_error#INFO");
        JsonNode none = errors(Map.of("filter", Map.of("botId", "gamma")));
        assertThat(none.path("edges")).isEmpty();
        assertThat(none.path("totalCount").asInt()).isZero();
    }

    @Test
    void anErrorsSessionAndRoundFoundByItsNumberEvenIfLoggedAfterIt() {
        JsonNode errors = errors(Map.of()).path("edges");

        assertThat(errors.get(0).path("node").path("session").isNull()).as("network_timeout: no session").isTrue();
        assertThat(errors.get(0).path("node").path("round").isNull()).isTrue();
        assertThat(errors.get(1).path("node").path("round").path("roundNumber").asInt()).as("a1#2").isEqualTo(2);
        assertThat(errors.get(1).path("node").path("round").path("sessionId").asString()).isEqualTo("a1");
        assertThat(errors.get(2).path("node").path("session").path("sessionId").asString()).isEqualTo("b1");
        assertThat(errors.get(2).path("node").path("round").isNull()).as("round 9 of b1 was never logged").isTrue();
        assertThat(errors.get(4).path("node").path("round").path("sessionId").asString())
                .as("reported before its round was logged").isEqualTo("b2");
    }

    @Test
    void aBotsAndASessionsErrors() {
        JsonNode answer = ok(client.execute("""
                {
                  bot(botId: "alpha") { errors(first: 2) { totalCount pageInfo { hasNextPage }
                                                           edges { node { errorType severity } } } }
                  session(sessionId: "a1") { errors { totalCount edges { node { errorType severity } } } }
                  b2: session(sessionId: "b2") { errors(filter: {severity: CRITICAL}) { totalCount edges { node { id } } } }
                }
                """)).json().path("data");

        assertThat(nodes(answer.path("bot").path("errors"), "errorType", "severity"))
                .containsExactly("network_timeout#ERROR", "ocr_error#WARNING");
        assertThat(answer.path("bot").path("errors").path("totalCount").asInt()).isEqualTo(3);
        assertThat(answer.path("bot").path("errors").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(nodes(answer.path("session").path("errors"), "errorType", "severity"))
                .containsExactly("ocr_error#WARNING");
        assertThat(answer.path("session").path("errors").path("totalCount").asInt()).isEqualTo(1);
        assertThat(answer.path("b2").path("errors").path("edges")).isEmpty();
        assertThat(answer.path("b2").path("errors").path("totalCount").asInt()).isZero();
        assertThat(walk(client, """
                query($first: Int, $after: String) {
                  bot(botId: "alpha") { errors(first: $first, after: $after) {
                    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { errorType severity } } } }
                }
                """, Map.of(), "bot.errors", 1, "errorType", "severity"))
                .containsExactly("network_timeout#ERROR", "ocr_error#WARNING", "ocr_error#INFO");
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        refusedNaming(client.execute(ERRORS, Map.of("filter", Map.of("errorType", ""))), "filter.errorType", "REQUIRED");
        refusedNaming(client.execute(ERRORS, Map.of("first", 501)), "first", "MAX_PAGE_SIZE");
        String cursor = errors(Map.of("first", 1)).path("pageInfo").path("endCursor").asString();
        refusedNaming(client.execute(ERRORS, Map.of("after", cursor, "direction", "DESC")), "after", "VALID_CURSOR");
    }

    private JsonNode errors(Map<String, Object> variables) {
        return ok(client.execute(ERRORS, variables)).data("errors");
    }

    private List<String> errorsWhere(Map<String, Object> filter) {
        return nodes(errors(Map.of("filter", filter)), "errorType", "severity");
    }
}
