package com.crashanalytics.api.read;

import static com.crashanalytics.api.testing.ReadFixtures.DAY;
import static com.crashanalytics.api.testing.ReadFixtures.round;
import static com.crashanalytics.api.testing.ReadFixtures.withSignals;
import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.ReadFixtures;
import tools.jackson.databind.JsonNode;

/**
 * A small fleet whose every row the read-path tests know, logged through the API. Times are offsets from
 * {@link ReadFixtures#DAY}.
 *
 * <pre>
 * bots (registered in this order)  alpha (compound_1.33x), beta (martingale), gamma (martingale, never played)
 * sessions        start   bot    game/platform     strategy         status     rounds (start = session + n min)
 *   a1            01:00   alpha  aviator/dafabet   compound_1.33x   COMPLETED  WIN LOSS SKIP WIN LOSS
 *   b1            02:00   beta   aviator/betway    martingale       ABORTED    WIN WIN LOSS SKIP
 *   a2            03:00   alpha  jetx/dafabet      paroli           ACTIVE     LOSS LOSS WIN
 *   b2            04:00   beta   aviator/dafabet   martingale       ACTIVE     ERROR WIN WIN(balance mismatch)
 * errors          e1 00:30 alpha (no session) network_timeout ERROR; e2 01:02:05 alpha a1#2 ocr_error WARNING;
 *                 e3 02:10 beta b1#9 (never logged) click_failed CRITICAL; e4 03:05 alpha a2 ocr_error INFO;
 *                 e5 04:00:30 beta b2#1, logged before its round, cashout_missed ERROR
 * a1's rounds carry two signals each; a1#1 two multiplier samples, an OCR read nested and one logged on its own.
 * </pre>
 *
 * Rounds by start time: a1#1..5, b1#1..4, a2#1..3, b2#1..3 (15).
 */
final class Fleet {

    static final List<String> ROUNDS_BY_START = List.of("a1#1", "a1#2", "a1#3", "a1#4", "a1#5", "b1#1", "b1#2",
            "b1#3", "b1#4", "a2#1", "a2#2", "a2#3", "b2#1", "b2#2", "b2#3");

    private Fleet() {
    }

    static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static Instant at(int hours, int minutes) {
        return DAY.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
    }

    static void log(GraphQlClient client) {
        ReadFixtures fleet = new ReadFixtures(client)
                .bot("alpha", "compound_1.33x").bot("beta", "martingale").bot("gamma", "martingale")
                .platform("aviator", "dafabet").platform("aviator", "betway").platform("jetx", "dafabet")
                .session("alpha", "a1", "aviator", "dafabet", null, at(1, 0))
                .session("beta", "b1", "aviator", "betway", null, at(2, 0))
                .session("alpha", "a2", "jetx", "dafabet", "paroli", at(3, 0))
                .session("beta", "b2", "aviator", "dafabet", null, at(4, 0));
        fleet.error("beta", "b2", 1, "cashout_missed", "ERROR", at(4, 0).plusSeconds(30));

        List<String> a1 = List.of("WIN", "LOSS", "SKIP", "WIN", "LOSS");
        for (int n = 1; n <= a1.size(); n++) {
            Map<String, Object> round = withSignals(round("alpha", "a1", n, a1.get(n - 1), at(1, n)));
            if (n == 1) {
                round.put("multiplierSamples", List.of(
                        Map.of("multiplier", "1.50", "elapsedMs", 2000),
                        Map.of("multiplier", "2.00", "elapsedMs", 3500, "isCashout", true)));
                round.put("ocrValidations", List.of(Map.of("fieldName", "crash_multiplier", "rawOcrText", "2.50x",
                        "cleanedValue", "2.50", "confidence", 0.97, "validationStatus", "VALID",
                        "timestamp", at(1, 1).plusSeconds(2).toString())));
            }
            fleet.queue(round);
        }
        queue(fleet, "beta", "b1", at(2, 0), "WIN", "WIN", "LOSS", "SKIP");
        queue(fleet, "alpha", "a2", at(3, 0), "LOSS", "LOSS", "WIN");
        queue(fleet, "beta", "b2", at(4, 0), "ERROR", "WIN");
        Map<String, Object> mismatched = round("beta", "b2", 3, "WIN", at(4, 3));
        mismatched.put("runningBalanceBefore", "1000");
        mismatched.put("runningBalanceAfter", "1005");
        fleet.queue(mismatched).flush();

        fleet.error("alpha", null, null, "network_timeout", "ERROR", at(0, 30));
        fleet.error("alpha", "a1", 2, "ocr_error", "WARNING", at(1, 2).plusSeconds(5));
        fleet.error("beta", "b1", 9, "click_failed", "CRITICAL", at(2, 10));
        fleet.error("alpha", "a2", null, "ocr_error", "INFO", at(3, 5));
        fleet.ocrRead("alpha", "a1", 1, "2.5O", "CORRECTED", at(1, 1).plusSeconds(3))
                .endSession("alpha", "a1", "COMPLETED", at(1, 30))
                .endSession("beta", "b1", "ABORTED", at(2, 30));
    }

    private static void queue(ReadFixtures fleet, String bot, String session, Instant start, String... outcomes) {
        for (int n = 1; n <= outcomes.length; n++) {
            fleet.queue(round(bot, session, n, outcomes[n - 1], start.plus(Duration.ofMinutes(n))));
        }
    }

    /** The nodes of a connection, each as the named fields joined: e.g. {@code "a1#2"} for sessionId and roundNumber. */
    static List<String> nodes(JsonNode connection, String... fields) {
        List<String> nodes = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                values.add(edge.path("node").path(field).asString());
            }
            nodes.add(String.join("#", values));
        }
        return nodes;
    }

    /**
     * Reads a whole list page by page ({@code $after} in the document), checking each page's size and pageInfo, and
     * answers every node in the order read.
     */
    static List<String> walk(GraphQlClient client, String document, Map<String, Object> variables, String path,
                             int pageSize, String... fields) {
        List<String> all = new ArrayList<>();
        String after = null;
        boolean first = true;
        while (true) {
            Map<String, Object> page = new java.util.HashMap<>(variables);
            page.put("first", pageSize);
            if (after != null) {
                page.put("after", after);
            }
            JsonNode connection = ok(client.execute(document, page)).data(path);
            JsonNode info = connection.path("pageInfo");
            List<String> nodes = nodes(connection, fields);
            assertThat(info.path("hasPreviousPage").asBoolean()).as("hasPreviousPage").isEqualTo(!first);
            if (!nodes.isEmpty()) {
                assertThat(info.path("startCursor").asString()).isEqualTo(connection.path("edges").get(0).path("cursor").asString());
                assertThat(info.path("endCursor").asString())
                        .isEqualTo(connection.path("edges").get(nodes.size() - 1).path("cursor").asString());
            }
            all.addAll(nodes);
            if (!info.path("hasNextPage").asBoolean()) {
                assertThat(nodes.size()).as("the last page").isBetween(0, pageSize);
                return all;
            }
            assertThat(nodes).as("a full page").hasSize(pageSize);
            after = info.path("endCursor").asString();
            first = false;
        }
    }

    /** The response failed with one BAD_REQUEST error naming this argument and rule. */
    static void refusedNaming(GraphQlResponse response, String field, String rule) {
        assertThat(response.errors()).as(response.body()).anySatisfy(error -> {
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
            assertThat(error.path("extensions").path("field").asString()).isEqualTo(field);
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo(rule);
            assertThat(error.path("message").asString()).startsWith(field + ": ");
        });
    }
}
