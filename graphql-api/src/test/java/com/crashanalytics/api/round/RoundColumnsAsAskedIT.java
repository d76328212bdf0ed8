package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.ReadFixtures;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A list of rounds reads the columns behind the fields its document shows, and the round's identity, and answers each
 * field as the round read whole does. The fixture: bot {@code alpha}'s session {@code a1} with two rounds, the first
 * holding a value in every column (OCR readings, an error and its recovery, metadata, a balance that does not add up
 * and so a flag), the second a plain loss.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class RoundColumnsAsAskedIT {

    private static final Instant START = Instant.parse("2026-11-21T03:00:00Z");

    /** Every field of a round that is a value of its own (the nested objects and lists are read by their loaders). */
    private static final List<String> VALUE_FIELDS = Stream.concat(
            Stream.of("id", "botId", "sessionId", "roundNumber", "roundStartTimestamp"),
            RoundReadings.DETAIL_OF_FIELD.keySet().stream().sorted()).toList();

    /** The three round lists, each with the rounds' fields spliced in as {@code %s}. */
    private static final List<String> LISTS = List.of(
            "{ list: rounds(first: 10, filter: {botId: \"alpha\"}, direction: ASC) { edges { node { %s } } } }",
            "{ bot(botId: \"alpha\") { list: rounds(first: 10, direction: ASC) { edges { node { %s } } } } }",
            "{ session(sessionId: \"a1\") { list: rounds(first: 10) { edges { node { %s } } } } }");

    @LocalServerPort
    int port;

    GraphQlClient client;

    @BeforeEach
    void aRoundWithEveryValueAndAPlainOne() {
        client = new GraphQlClient(port);
        Map<String, Object> full = ReadFixtures.round("alpha", "a1", 1, "WIN", START);
        full.putAll(Map.ofEntries(
                Map.entry("roundExternalId", "aviator-77120"),
                Map.entry("roundEndTimestamp", START.plusSeconds(12).toString()),
                Map.entry("strategyStep", 2),
                Map.entry("targetMultiplier", "2.00"),
                Map.entry("finalMultiplier", "2.50"),
                Map.entry("multiplierSource", "ocr"),
                Map.entry("runningBalanceBefore", "1000"),
                Map.entry("runningBalanceAfter", "1012.50"),
                Map.entry("ocrText", "2.50x"),
                Map.entry("ocrCleanedValue", "2.50"),
                Map.entry("ocrConfidence", 0.93),
                Map.entry("cashoutDetectionConfidence", 0.88),
                Map.entry("screenshotReferenceId", "shot-0001"),
                Map.entry("errorType", "ocr_timeout"),
                Map.entry("errorDescription", "the multiplier was read late"),
                Map.entry("recoveryActionTaken", "reread"),
                Map.entry("retryCount", 2),
                Map.entry("metadata", Map.of("table", 3, "note", "first round"))));
        new ReadFixtures(client).bot("alpha", "martingale").platform("aviator", "dafabet")
                .session("alpha", "a1", "aviator", "dafabet", null, START)
                .queue(full)
                .queue(ReadFixtures.round("alpha", "a1", 2, "LOSS", START.plusSeconds(60)))
                .flush();
    }

    @Test
    void eachFieldAskedAloneIsAnsweredAsWhenTheRoundIsReadWhole() {
        List<JsonNode> whole = rounds(LISTS.get(0), String.join(" ", VALUE_FIELDS));
        assertThat(whole).hasSize(2);
        JsonNode first = whole.get(0);
        assertThat(VALUE_FIELDS).allSatisfy(field -> assertThat(first.path(field).isNull()).as(field).isFalse());
        assertThat(first.path("dataQualityFlags").size()).isEqualTo(1);
        assertThat(first.path("metadata").path("note").asString()).isEqualTo("first round");

        for (String list : LISTS) {
            for (String field : VALUE_FIELDS) {
                List<JsonNode> alone = rounds(list, field);
                assertThat(alone).as("%s in %s", field, list).hasSize(2);
                for (int i = 0; i < 2; i++) {
                    assertThat(alone.get(i).path(field)).as("%s of round %d in %s", field, i + 1, list)
                            .isEqualTo(whole.get(i).path(field));
                }
            }
        }
    }

    @Test
    void fieldsInFragmentsAndUnderAliasesAreReadToo() {
        String document = """
                query { session(sessionId: "a1") { list: rounds(first: 10) { edges { node { ...shown } } } } }
                fragment shown on Round { stake: stakeValue ... on Round { notes: metadata } ocrText @include(if: true) }
                """;
        StatementRecorder.INSTANCE.start(false);
        JsonNode first = ok(client.execute(document, Map.of())).json().path("data").path("session").path("list")
                .path("edges").get(0).path("node");
        List<Executed> statements = StatementRecorder.INSTANCE.stop();

        assertThat(first.path("stake").decimalValue()).isEqualByComparingTo("10");
        assertThat(first.path("notes").path("table").asInt()).isEqualTo(3);
        assertThat(first.path("ocrText").asString()).isEqualTo("2.50x");
        assertThat(roundsStatement(statements))
                .contains("r.stake_value", "r.metadata::text AS metadata", "r.ocr_raw_text")
                .contains("NULL::numeric AS profit_loss_amount", "NULL::text[] AS data_quality_flags");
    }

    @Test
    void aListReadsOnlyTheColumnsItsFieldsNeed() {
        for (String list : LISTS) {
            StatementRecorder.INSTANCE.start(false);
            List<JsonNode> shown = rounds(list, "roundNumber stakeValue crashMultiplier profitLoss roundOutcome");
            List<Executed> statements = StatementRecorder.INSTANCE.stop();

            assertThat(shown).extracting(round -> round.path("roundOutcome").asString()).containsExactly("WIN", "LOSS");
            assertThat(roundsStatement(statements)).as(list)
                    .contains("r.stake_value", "r.crash_multiplier_detected", "r.profit_loss_amount", "r.round_outcome")
                    .contains("NULL::text AS metadata", "NULL::text[] AS data_quality_flags",
                            "NULL::text AS ocr_raw_text", "NULL::numeric AS running_balance_after",
                            "NULL::timestamptz AS logged_at")
                    .doesNotContain("r.metadata", "r.data_quality_flags", "r.error_description");
        }
    }

    @Test
    void aRoundReadWithoutSomeColumnsStillFindsWhatBelongsToIt() {
        String nested = "roundNumber outcome { winStreakLength } signals { id } multipliers { id } errors { id } "
                + "bot { botId } session { sessionId status }";
        for (String list : LISTS) {
            List<JsonNode> shown = rounds(list, nested);
            assertThat(shown).extracting(round -> round.path("outcome").path("winStreakLength").asInt())
                    .as(list).containsExactly(1, 0);
            assertThat(shown).extracting(round -> round.path("session").path("status").asString())
                    .containsOnly("ACTIVE");
            assertThat(shown).extracting(round -> round.path("bot").path("botId").asString()).containsOnly("alpha");
        }
    }

    private List<JsonNode> rounds(String list, String fields) {
        JsonNode data = ok(client.execute(list.formatted(fields), Map.of())).json().path("data");
        JsonNode connection = data.has("list") ? data.path("list") : data.values().iterator().next().path("list");
        List<JsonNode> rounds = new ArrayList<>();
        connection.path("edges").forEach(edge -> rounds.add(edge.path("node")));
        return rounds;
    }

    /** The statement that read the rounds' page. */
    private static String roundsStatement(List<Executed> statements) {
        List<String> reads = statements.stream().map(Executed::sql).filter(sql -> sql.contains("FROM crash_game_rounds r"))
                .filter(sql -> !sql.contains("count(")).toList();
        assertThat(reads).as("the page's statement among %s", statements).hasSize(1);
        return reads.get(0);
    }
}
