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
 * A round's signals are read with the columns behind the fields the document shows of them, and the signal's
 * identity, and each field is answered as when the signals are read whole. The fixture: bot {@code alpha}'s session
 * {@code a1}, one round (a crash at 2.50) with two signals holding a value in every column (a client id, a
 * predicted time to the crash, a pattern, a feature vector) and judged against the crash.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class SignalColumnsAsAskedIT {

    private static final Instant START = Instant.parse("2026-11-21T03:00:00Z");

    /** Every field of a signal. */
    private static final List<String> FIELDS = Stream.concat(SignalReadings.IDENTITY_FIELDS.stream()
                    .filter(field -> !field.equals("__typename")).sorted(),
            SignalReadings.DETAIL_OF_FIELD.keySet().stream().sorted()).toList();

    /** A session's rounds with the signals' fields (or several signal fields) spliced in as {@code %s}. */
    private static final String SIGNALS_OF_ROUNDS =
            "{ session(sessionId: \"a1\") { rounds(first: 10) { edges { node { %s } } } } }";

    @LocalServerPort
    int port;

    GraphQlClient client;

    @BeforeEach
    void aRoundWithTwoSignalsHoldingEveryValue() {
        client = new GraphQlClient(port);
        Map<String, Object> round = ReadFixtures.round("alpha", "a1", 1, "WIN", START);
        round.put("signals", List.of(
                Map.of("signalType", "pre_flight", "clientSignalId", "model-a", "confidenceScore", 0.7,
                        "predictedMultiplier", "2.00", "timeToCrashPredictedMs", 4200, "patternType", "exponential",
                        "featureVector", Map.of("gap", 3, "trend", List.of(1.2, 1.9)),
                        "timestamp", START.toString()),
                Map.of("signalType", "early_flight", "clientSignalId", "model-b", "confidenceScore", 0.3,
                        "predictedMultiplier", "5.00", "timeToCrashPredictedMs", 900, "patternType", "linear",
                        "featureVector", Map.of("gap", 1), "timestamp", START.plusSeconds(1).toString())));
        new ReadFixtures(client).bot("alpha", "martingale").platform("aviator", "dafabet")
                .session("alpha", "a1", "aviator", "dafabet", null, START)
                .queue(round)
                .flush();
    }

    @Test
    void eachFieldAskedAloneIsAnsweredAsWhenTheSignalsAreReadWhole() {
        List<JsonNode> whole = signals("signals { " + String.join(" ", FIELDS) + " }", "signals");
        assertThat(whole).hasSize(2);
        assertThat(FIELDS).allSatisfy(field -> assertThat(whole.get(0).path(field).isNull()).as(field).isFalse());
        assertThat(whole.get(0).path("featureVector").path("trend").size()).isEqualTo(2);
        assertThat(whole).extracting(signal -> signal.path("signalCorrectness").asBoolean())
                .containsExactly(true, true);

        for (String field : FIELDS) {
            List<JsonNode> alone = signals("signals { " + field + " }", "signals");
            assertThat(alone).as(field).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(alone.get(i).path(field)).as("%s of signal %d", field, i + 1)
                        .isEqualTo(whole.get(i).path(field));
            }
        }
    }

    @Test
    void aDashboardsSignalsReadTheirTypeAndCorrectnessAndNoDecimal() {
        StatementRecorder.INSTANCE.start(false);
        List<JsonNode> shown = signals("signals { signalType signalCorrectness }", "signals");
        String read = signalsStatement(StatementRecorder.INSTANCE.stop());

        assertThat(shown).extracting(signal -> signal.path("signalType").asString())
                .containsExactly("pre_flight", "early_flight");
        assertThat(read)
                .contains("signal_type", "signal_correctness", "round_id", "\"timestamp\"")
                .contains("NULL::numeric AS predicted_multiplier", "NULL::numeric AS actual_multiplier",
                        "NULL::numeric AS prediction_error", "NULL::float8 AS confidence_score",
                        "NULL::text AS feature_vector", "NULL::text AS content_fingerprint",
                        "NULL::text AS client_signal_id", "NULL::text AS pattern_match_type")
                .doesNotContain("feature_vector::text");
    }

    @Test
    void twoSelectionsOfSignalsInOneDocumentAreEachReadForWhatTheyShow() {
        StatementRecorder.INSTANCE.start(false);
        JsonNode round = rounds("types: signals { signalType } odds: signals { confidenceScore patternType }").get(0);
        List<Executed> statements = StatementRecorder.INSTANCE.stop();

        assertThat(round.path("types").get(1).path("signalType").asString()).isEqualTo("early_flight");
        assertThat(round.path("types").get(1).has("confidenceScore")).isFalse();
        assertThat(round.path("odds").get(0).path("confidenceScore").asDouble()).isEqualTo(0.7);
        assertThat(round.path("odds").get(1).path("patternType").asString()).isEqualTo("linear");
        assertThat(signalsStatements(statements)).hasSize(2);
    }

    @Test
    void fieldsInFragmentsAndUnderIncludeCountAsTheRequestsVariablesSay() {
        String document = """
                query ($features: Boolean!) { session(sessionId: "a1") { rounds(first: 10) { edges { node {
                    signals { ...odds ... on Signal { p: predictedMultiplier } } } } } } }
                fragment odds on Signal { confidenceScore featureVector @include(if: $features) }
                """;
        for (boolean features : List.of(true, false, true)) {
            StatementRecorder.INSTANCE.start(false);
            JsonNode signal = ok(client.execute(document, Map.of("features", features))).json().path("data")
                    .path("session").path("rounds").path("edges").get(0).path("node").path("signals").get(0);
            String read = signalsStatement(StatementRecorder.INSTANCE.stop());

            assertThat(signal.path("p").decimalValue()).isEqualByComparingTo("2.00");
            assertThat(signal.path("confidenceScore").asDouble()).isEqualTo(0.7);
            assertThat(read).contains("predicted_multiplier", "confidence_score");
            if (features) {
                assertThat(signal.path("featureVector").path("gap").asInt()).isEqualTo(3);
                assertThat(read).contains("feature_vector::text AS feature_vector");
            } else {
                assertThat(signal.has("featureVector")).isFalse();
                assertThat(read).contains("NULL::text AS feature_vector");
            }
        }
    }

    /** The signals of the session's one round, under the given response key. */
    private List<JsonNode> signals(String roundFields, String key) {
        List<JsonNode> signals = new ArrayList<>();
        rounds(roundFields).get(0).path(key).forEach(signals::add);
        return signals;
    }

    private List<JsonNode> rounds(String roundFields) {
        JsonNode rounds = ok(client.execute(SIGNALS_OF_ROUNDS.formatted(roundFields), Map.of())).json().path("data")
                .path("session").path("rounds").path("edges");
        List<JsonNode> nodes = new ArrayList<>();
        rounds.forEach(edge -> nodes.add(edge.path("node")));
        return nodes;
    }

    private static List<String> signalsStatements(List<Executed> statements) {
        return statements.stream().map(Executed::sql).filter(sql -> sql.contains("FROM analytics_round_signals"))
                .toList();
    }

    /** The one statement that read the signals. */
    private static String signalsStatement(List<Executed> statements) {
        List<String> reads = signalsStatements(statements);
        assertThat(reads).as("the signals' statement among %s", statements).hasSize(1);
        return reads.get(0);
    }
}
