package com.crashanalytics.api.read;

import static com.crashanalytics.api.read.Fleet.ROUNDS_BY_START;
import static com.crashanalytics.api.read.Fleet.at;
import static com.crashanalytics.api.read.Fleet.nodes;
import static com.crashanalytics.api.read.Fleet.refusedNaming;
import static com.crashanalytics.api.read.Fleet.reversed;
import static com.crashanalytics.api.read.Fleet.walk;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code rounds}, {@code Bot.rounds}, {@code Session.rounds} and what a round carries, over HTTP (see {@link Fleet}). */
@GatewayIntegrationTest
class RoundListIT extends FleetTest {

    static final String ROUNDS = """
            query($filter: RoundFilter, $first: Int, $after: String, $direction: SortDirection) {
              rounds(filter: $filter, first: $first, after: $after, direction: $direction) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id sessionId roundNumber roundOutcome roundStartTimestamp } }
              }
            }
            """;
    static final String SESSION_ROUNDS = """
            query($session: ID!, $filter: RoundFilter, $first: Int, $after: String, $direction: SortDirection) {
              session(sessionId: $session) {
                rounds(filter: $filter, first: $first, after: $after, direction: $direction) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor node { sessionId roundNumber } }
                }
              }
            }
            """;
    static final String BOT_ROUNDS = """
            query($bot: ID!, $filter: RoundFilter, $first: Int, $after: String, $direction: SortDirection) {
              bot(botId: $bot) {
                rounds(filter: $filter, first: $first, after: $after, direction: $direction) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor node { sessionId roundNumber } }
                }
              }
            }
            """;
    static final String ROUND = """
            query($id: ID!) {
              round(id: $id) {
                roundNumber
                bot { botId strategyName }
                session { sessionId status }
                outcome { outcomeCategory }
                multipliers { sampleIndex multiplier elapsedMs isCashout }
                signals { signalType confidenceScore signalCorrectness actualMultiplier }
                ocrValidations { rawOcrText validationStatus timestamp }
                errors { errorType severity roundNumber }
              }
            }
            """;

    @Test
    void everyRoundByStartTimeOldestOrNewestFirst() {
        JsonNode oldestFirst = rounds(Map.of());
        JsonNode newestFirst = rounds(Map.of("direction", "DESC"));

        assertThat(nodes(oldestFirst, "sessionId", "roundNumber")).isEqualTo(ROUNDS_BY_START);
        assertThat(oldestFirst.path("totalCount").asInt()).isEqualTo(15);
        assertThat(oldestFirst.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(nodes(newestFirst, "sessionId", "roundNumber")).isEqualTo(reversed(ROUNDS_BY_START));
    }

    @Test
    void pagingVisitsEveryRoundOnceInOrder() {
        assertThat(walk(client, ROUNDS, Map.of(), "rounds", 4, "sessionId", "roundNumber")).isEqualTo(ROUNDS_BY_START);
        assertThat(walk(client, ROUNDS, Map.of(), "rounds", 1, "sessionId", "roundNumber")).isEqualTo(ROUNDS_BY_START);
        assertThat(walk(client, ROUNDS, Map.of(), "rounds", 15, "sessionId", "roundNumber")).isEqualTo(ROUNDS_BY_START);
        assertThat(walk(client, ROUNDS, Map.of("direction", "DESC"), "rounds", 4, "sessionId", "roundNumber"))
                .isEqualTo(reversed(ROUNDS_BY_START));
        assertThat(walk(client, ROUNDS, Map.of("filter", Map.of("botId", "beta")), "rounds", 2, "sessionId",
                "roundNumber")).containsExactly("b1#1", "b1#2", "b1#3", "b1#4", "b2#1", "b2#2", "b2#3");
    }

    @Test
    void aPageOfNoRowsStillCountsAndTellsWhetherRowsFollow() {
        JsonNode none = rounds(Map.of("first", 0));

        assertThat(none.path("edges")).isEmpty();
        assertThat(none.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(none.path("pageInfo").path("startCursor").isNull()).isTrue();
        assertThat(none.path("totalCount").asInt()).isEqualTo(15);
    }

    @Test
    void eachFilterAlone() {
        assertThat(roundsWhere(Map.of("botId", "beta")))
                .containsExactly("b1#1", "b1#2", "b1#3", "b1#4", "b2#1", "b2#2", "b2#3");
        assertThat(roundsWhere(Map.of("sessionId", "a2"))).containsExactly("a2#1", "a2#2", "a2#3");
        assertThat(roundsWhere(Map.of("gameName", "jetx"))).containsExactly("a2#1", "a2#2", "a2#3");
        assertThat(roundsWhere(Map.of("platformCode", "betway"))).containsExactly("b1#1", "b1#2", "b1#3", "b1#4");
        assertThat(roundsWhere(Map.of("strategyName", "paroli"))).containsExactly("a2#1", "a2#2", "a2#3");
        assertThat(roundsWhere(Map.of("strategyName", "compound_1.33x")))
                .containsExactly("a1#1", "a1#2", "a1#3", "a1#4", "a1#5");
        assertThat(roundsWhere(Map.of("roundOutcome", "SKIP"))).containsExactly("a1#3", "b1#4");
        assertThat(roundsWhere(Map.of("roundOutcome", "ERROR"))).containsExactly("b2#1");
        assertThat(roundsWhere(Map.of("dataQualityFlag", "BALANCE_MISMATCH"))).containsExactly("b2#3");
        // from is inclusive, to exclusive: a2#2 starts at 03:02 exactly and is left out
        assertThat(roundsWhere(Map.of("from", at(2, 0).toString(), "to", at(3, 2).toString())))
                .containsExactly("b1#1", "b1#2", "b1#3", "b1#4", "a2#1");
    }

    @Test
    void aWindowInEpochMillisecondsAsGrafanaSendsIt() {
        Map<String, Object> grafana = Map.of("from", at(2, 0).toEpochMilli(), "to", at(3, 2).toEpochMilli());

        assertThat(roundsWhere(grafana)).containsExactly("b1#1", "b1#2", "b1#3", "b1#4", "a2#1");
        assertThat(roundsWhere(Map.of("from", at(4, 2).toEpochMilli()))).containsExactly("b2#2", "b2#3");
    }

    @Test
    void filtersCombine() {
        JsonNode losses = rounds(Map.of("filter", Map.of("botId", "alpha", "roundOutcome", "LOSS",
                "from", at(2, 0).toEpochMilli())));

        assertThat(nodes(losses, "sessionId", "roundNumber")).containsExactly("a2#1", "a2#2");
        assertThat(losses.path("totalCount").asInt()).isEqualTo(2);
        assertThat(roundsWhere(Map.of("gameName", "aviator", "platformCode", "dafabet", "roundOutcome", "WIN")))
                .containsExactly("a1#1", "a1#4", "b2#2", "b2#3");
    }

    @Test
    void noMatchingRowsIsAnEmptyPage() {
        JsonNode none = rounds(Map.of("filter", Map.of("botId", "gamma")));

        assertThat(none.path("edges")).isEmpty();
        assertThat(none.path("totalCount").asInt()).isZero();
        assertThat(none.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(none.path("pageInfo").path("hasPreviousPage").asBoolean()).isFalse();
        assertThat(none.path("pageInfo").path("endCursor").isNull()).isTrue();
        assertThat(nodes(rounds(Map.of("filter", Map.of("from", at(5, 0).toString()))), "id")).isEmpty();
    }

    @Test
    void moreThanFiveHundredPerPageIsRefusedNamingFirst() {
        GraphQlResponse tooMany = client.execute(ROUNDS, Map.of("first", 501));
        GraphQlResponse negative = client.execute(ROUNDS, Map.of("first", -1));

        refusedNaming(tooMany, "first", "MAX_PAGE_SIZE");
        assertThat(tooMany.errors().get(0).path("message").asString()).contains("at most 500 (got 501)");
        refusedNaming(negative, "first", "NON_NEGATIVE");
        assertThat(ok(client.execute(ROUNDS, Map.of("first", 500))).data("rounds").path("edges")).hasSize(15);
    }

    @Test
    void aTamperedOrForeignCursorIsRefusedNamingAfter() {
        String cursor = rounds(Map.of("first", 2)).path("pageInfo").path("endCursor").asString();
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        String madeUp = Base64.getUrlEncoder().encodeToString("rounds-by-start:ASC:1:2".getBytes(StandardCharsets.UTF_8));
        String ofSessions = ok(client.execute("{ sessions(first: 1) { pageInfo { endCursor } } }"))
                .data("sessions.pageInfo.endCursor").asString();
        String ofASessionsRounds = ok(client.execute(SESSION_ROUNDS, Map.of("session", "a1", "first", 1)))
                .data("session.rounds.pageInfo.endCursor").asString();

        for (String bad : List.of(tampered, madeUp, "not a cursor", ofSessions, ofASessionsRounds)) {
            refusedNaming(client.execute(ROUNDS, Map.of("after", bad)), "after", "VALID_CURSOR");
        }
        refusedNaming(client.execute(ROUNDS, Map.of("after", cursor, "direction", "DESC")), "after", "VALID_CURSOR");
    }

    @Test
    void badFilterValuesAreRefusedNamingEachField() {
        GraphQlResponse response = client.execute(ROUNDS, Map.of("first", 600, "filter", Map.of("gameName", "Aviator",
                "botId", " alpha", "from", at(3, 0).toString(), "to", at(2, 0).toString())));

        refusedNaming(response, "filter.gameName", "LOWERCASE_CODE");
        refusedNaming(response, "filter.botId", "NO_SURROUNDING_WHITESPACE");
        refusedNaming(response, "filter.to", "AFTER_FROM");
        refusedNaming(response, "first", "MAX_PAGE_SIZE");
        assertThat(response.errors()).hasSize(4);
    }

    @Test
    void aRoundCarriesItsBotSessionSamplesSignalsOcrReadsAndErrors() {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode edge : rounds(Map.of()).path("edges")) {
            ids.put(edge.path("node").path("sessionId").asString() + "#" + edge.path("node").path("roundNumber").asInt(),
                    edge.path("node").path("id").asString());
        }

        JsonNode a1r1 = round(ids.get("a1#1"));
        assertThat(a1r1.path("bot").path("botId").asString()).isEqualTo("alpha");
        assertThat(a1r1.path("bot").path("strategyName").asString()).isEqualTo("compound_1.33x");
        assertThat(a1r1.path("session").path("sessionId").asString()).isEqualTo("a1");
        assertThat(a1r1.path("session").path("status").asString()).isEqualTo("COMPLETED");
        // a WIN of 10 on a stake of 10 (cash-out at 2.00): profit ≥ stake is a big win
        assertThat(a1r1.path("outcome").path("outcomeCategory").asString()).isEqualTo("BIG_WIN");
        assertThat(a1r1.path("multipliers")).hasSize(2);
        assertThat(a1r1.path("multipliers").get(0).path("sampleIndex").asInt()).isZero();
        assertThat(a1r1.path("multipliers").get(1).path("multiplier").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(a1r1.path("multipliers").get(1).path("isCashout").asBoolean()).isTrue();
        // crashed at 2.50: pre_flight (0.7 for ≥ 2.00) right, early_flight (0.3 for ≥ 5.00) right
        assertThat(a1r1.path("signals").valueStream().map(signal -> signal.path("signalType").asString()))
                .containsExactly("pre_flight", "early_flight");
        assertThat(a1r1.path("signals").valueStream().map(signal -> signal.path("signalCorrectness").asBoolean()))
                .containsExactly(true, true);
        assertThat(a1r1.path("ocrValidations").valueStream().map(read -> read.path("rawOcrText").asString()))
                .as("nested in logRound, then logged alone a second later").containsExactly("2.50x", "2.5O");
        assertThat(a1r1.path("errors")).isEmpty();

        assertThat(round(ids.get("a1#2")).path("errors").valueStream().map(error -> error.path("errorType").asString()))
                .containsExactly("ocr_error");
        assertThat(round(ids.get("b2#1")).path("errors").valueStream().map(error -> error.path("errorType").asString()))
                .as("reported before the round was logged").containsExactly("cashout_missed");

        JsonNode plain = round(ids.get("b1#1"));
        assertThat(plain.path("multipliers")).isEmpty();
        assertThat(plain.path("signals")).isEmpty();
        assertThat(plain.path("ocrValidations")).isEmpty();
        assertThat(plain.path("errors")).isEmpty();
        assertThat(plain.path("bot").path("botId").asString()).isEqualTo("beta");
    }

    @Test
    void aSessionsRoundsByNumberPagedBothWays() {
        Map<String, Object> a1 = Map.of("session", "a1");

        assertThat(walk(client, SESSION_ROUNDS, a1, "session.rounds", 2, "sessionId", "roundNumber"))
                .containsExactly("a1#1", "a1#2", "a1#3", "a1#4", "a1#5");
        assertThat(walk(client, SESSION_ROUNDS, Map.of("session", "a1", "direction", "DESC"), "session.rounds", 2,
                "sessionId", "roundNumber")).containsExactly("a1#5", "a1#4", "a1#3", "a1#2", "a1#1");

        JsonNode wins = ok(client.execute(SESSION_ROUNDS, Map.of("session", "a1", "filter",
                Map.of("roundOutcome", "WIN")))).data("session.rounds");
        assertThat(nodes(wins, "roundNumber")).containsExactly("1", "4");
        assertThat(wins.path("totalCount").asInt()).isEqualTo(2);
        JsonNode empty = ok(client.execute(SESSION_ROUNDS, Map.of("session", "b2", "filter",
                Map.of("roundOutcome", "SKIP")))).data("session.rounds");
        assertThat(empty.path("edges")).isEmpty();
        assertThat(empty.path("totalCount").asInt()).isZero();
    }

    @Test
    void aBotsRoundsOverAllItsSessions() {
        assertThat(walk(client, BOT_ROUNDS, Map.of("bot", "alpha"), "bot.rounds", 3, "sessionId", "roundNumber"))
                .containsExactly("a1#1", "a1#2", "a1#3", "a1#4", "a1#5", "a2#1", "a2#2", "a2#3");
        JsonNode latest = ok(client.execute(BOT_ROUNDS, Map.of("bot", "beta", "first", 2, "direction", "DESC")))
                .data("bot.rounds");
        assertThat(nodes(latest, "sessionId", "roundNumber")).containsExactly("b2#3", "b2#2");
        assertThat(latest.path("totalCount").asInt()).isEqualTo(7);
        JsonNode none = ok(client.execute(BOT_ROUNDS, Map.of("bot", "gamma"))).data("bot.rounds");
        assertThat(none.path("edges")).isEmpty();
        assertThat(none.path("totalCount").asInt()).isZero();
        refusedNaming(client.execute(BOT_ROUNDS, Map.of("bot", "alpha", "first", 501)), "first", "MAX_PAGE_SIZE");
    }

    private JsonNode rounds(Map<String, Object> variables) {
        return ok(client.execute(ROUNDS, variables)).data("rounds");
    }

    private List<String> roundsWhere(Map<String, Object> filter) {
        return nodes(rounds(Map.of("filter", filter)), "sessionId", "roundNumber");
    }

    private JsonNode round(String id) {
        return ok(client.execute(ROUND, Map.of("id", id))).data("round");
    }
}
