package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** logRound over HTTP: what is written, what is derived, retries, conflicts and concurrent duplicates. */
@GatewayIntegrationTest
class LogRoundIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void aBotInAnActiveSession() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc).activeSession();
    }

    /** The seed's example round, with everything a bot can nest in it. */
    static Map<String, Object> seedRound() {
        return with(round(1, "WIN", "10.00", "2.45", "1.33"),
                "gameName", "aviator",
                "platformCode", "dafabet",
                "roundExternalId", "av-778812",
                "roundStartTimestamp", "2026-11-21T14:03:00Z",
                "roundEndTimestamp", "2026-11-21T14:03:09.500Z",
                "targetMultiplier", "1.33",
                "profitLoss", "3.30",
                "runningBalanceBefore", "1000.00",
                "runningBalanceAfter", "1003.30",
                "ocrText", "1.33x",
                "ocrConfidence", 0.95,
                "metadata", Map.of("strategy", "compound_1.33x", "screen", Map.of("w", 1920, "h", 1080)),
                "multiplierSamples", List.of(
                        Map.of("multiplier", "1.00", "elapsedMs", 0),
                        Map.of("multiplier", "1.33", "elapsedMs", 3100, "isCashout", true, "ocrConfidence", 0.95),
                        Map.of("multiplier", "2.45", "elapsedMs", 9500, "isCrash", true, "dataQualityScore", 0.98)),
                "signals", List.of(Map.of("signalType", "early_flight", "confidenceScore", 0.92,
                        "predictedMultiplier", "2.00", "patternType", "exponential",
                        "featureVector", Map.of("acceleration", 0.089, "density", 0.67))),
                "ocrValidations", List.of(Map.of("fieldName", "cashout_multiplier", "rawOcrText", "1.33x",
                        "cleanedValue", "1.33", "confidence", 0.95, "validationStatus", "VALID")));
    }

    @Test
    void logsARoundWithItsSamplesSignalsAndOcrReadsAndDerivesTheRest() {
        GraphQlResponse response = ok(writePath.logRound(seedRound()));

        assertThat(response.data("logRound.duplicate").asBoolean()).isFalse();
        JsonNode round = response.data("logRound.round");
        assertThat(round.path("roundNumber").asInt()).isEqualTo(1);
        // 10 × (1.33 − 1) = 3.30 as sent; back came 13.30; ROI 33%; 9.5 s
        assertThat(round.path("profitLoss").decimalValue()).isEqualByComparingTo("3.30");
        assertThat(round.path("cashoutAmount").decimalValue()).isEqualByComparingTo("13.30");
        assertThat(round.path("roiPercent").decimalValue()).isEqualByComparingTo("33");
        assertThat(round.path("durationSeconds").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(round.path("strategyName").asString()).isEqualTo("compound_1.33x");
        assertThat(round.path("metadata").path("screen").path("w").asInt()).isEqualTo(1920);
        assertThat(round.path("dataQualityFlags").isEmpty()).isTrue();
        JsonNode outcome = round.path("outcome");
        assertThat(outcome.path("outcomeCategory").asString()).isEqualTo("SMALL_WIN");
        assertThat(outcome.path("winStreakLength").asInt()).isEqualTo(1);
        assertThat(outcome.path("hitTarget").asBoolean()).isTrue();
        assertThat(outcome.path("multiplierError").decimalValue()).isEqualByComparingTo("0");
        assertThat(outcome.path("dateBucket").asString()).isEqualTo("2026-11-21");
        assertThat(outcome.path("hourBucket").asString()).isEqualTo("2026-11-21T14:00:00Z");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM crash_game_rounds");
        assertThat((BigDecimal) row.get("profit_loss_amount")).isEqualByComparingTo("3.30");
        assertThat((BigDecimal) row.get("crash_multiplier_detected")).isEqualByComparingTo("2.45");
        assertThat(row.get("ocr_raw_text")).isEqualTo("1.33x");
        assertThat(row.get("multiplier_detection_confidence")).isEqualTo(0.95);
        assertThat(row.get("content_fingerprint").toString()).hasSize(64);
        assertThat(jdbc.queryForObject("SELECT metadata->'screen'->>'h' FROM crash_game_rounds", String.class))
                .isEqualTo("1080");
        assertThat(jdbc.queryForList("SELECT sample_index FROM analytics_round_multipliers ORDER BY sample_index",
                Integer.class)).containsExactly(0, 1, 2);
        assertThat(jdbc.queryForObject("SELECT is_crash_multiplier FROM analytics_round_multipliers WHERE sample_index = 2",
                Boolean.class)).isTrue();
        Map<String, Object> signal = jdbc.queryForMap("SELECT * FROM analytics_round_signals");
        // confident (0.92 ≥ 0.5) that it reaches 2.00; it crashed at 2.45 ≥ 2.00: right, error 0.45
        assertThat(signal.get("round_id")).isEqualTo(java.util.UUID.fromString(round.path("id").asString()));
        assertThat(signal.get("signal_correctness")).isEqualTo(true);
        assertThat((BigDecimal) signal.get("actual_multiplier")).isEqualByComparingTo("2.45");
        assertThat((BigDecimal) signal.get("prediction_error")).isEqualByComparingTo("0.45");
        assertThat(signal.get("pattern_match_type")).isEqualTo("exponential");
        Map<String, Object> ocr = jdbc.queryForMap("SELECT * FROM ocr_validation_logs");
        assertThat(ocr.get("round_number")).isEqualTo(1);
        assertThat(ocr.get("validation_status")).isEqualTo("VALID");
        Map<String, Object> outcomeRow = jdbc.queryForMap("SELECT * FROM analytics_round_outcomes");
        assertThat(outcomeRow.get("outcome_category")).isEqualTo("small_win");
        assertThat((BigDecimal) outcomeRow.get("balance_after")).isEqualByComparingTo("1003.30");
    }

    @Test
    void theRoundCanBeReadBackById() {
        String id = ok(writePath.logRound(seedRound())).data("logRound.round.id").asString();

        GraphQlResponse read = ok(client.execute("query($id: ID!) { round(id: $id) { " + WritePath.ROUND_FIELDS + " } }",
                Map.of("id", id)));

        assertThat(read.data("round.profitLoss").decimalValue()).isEqualByComparingTo("3.30");
        assertThat(read.data("round.outcome.outcomeCategory").asString()).isEqualTo("SMALL_WIN");
        assertThat(ok(client.execute("{ round(id: \"not-a-uuid\") { id } }")).data("round").isNull()).isTrue();
    }

    /**
     * A round's signals and multiplier samples are looked up by its start time too (their month's partition), which
     * the database keeps to the microsecond: a round answered from its report, with nanoseconds rounded either way or
     * half way, still finds them, as does the round read back.
     */
    @Test
    void aRoundsSignalsAreFoundWhateverThePrecisionOfItsStartTime() {
        List<String> starts = List.of("2026-11-21T14:03:00.123456789Z", "2026-11-21T14:03:00.123456499Z",
                "2026-11-21T14:03:00.1234565Z", "2026-11-30T23:59:59.9999996Z");
        String selection = "{ id roundStartTimestamp signals { signalType } multipliers { multiplier } }";
        for (int number = 1; number <= starts.size(); number++) {
            Map<String, Object> round = with(round(number, "WIN", "10.00", "2.45", "1.33"),
                    "roundStartTimestamp", starts.get(number - 1),
                    "signals", List.of(Map.of("signalType", "signal_of_" + number, "confidenceScore", 0.9)),
                    "multiplierSamples", List.of(Map.of("multiplier", number + ".5")));
            JsonNode answered = ok(client.execute("mutation($input: LogRoundInput!) { logRound(input: $input) { round "
                    + selection + " } }", Map.of("input", round))).data("logRound.round");
            JsonNode readBack = ok(client.execute("query($id: ID!) { round(id: $id) " + selection + " }",
                    Map.of("id", answered.path("id").asString()))).data("round");

            for (JsonNode logged : List.of(answered, readBack)) {
                assertThat(logged.path("signals").findValuesAsString("signalType"))
                        .as("round %d, started %s", number, starts.get(number - 1))
                        .containsExactly("signal_of_" + number);
                assertThat(logged.path("multipliers").findValuesAsString("multiplier"))
                        .as("round %d's samples, started %s", number, starts.get(number - 1))
                        .containsExactly(number + ".5");
            }
        }
        // the last one's start rounds up into the next month: its round and its signal are stored in December's
        assertThat(jdbc.queryForObject("SELECT round_start_timestamp = timestamptz '2026-12-01T00:00:00Z' "
                + "FROM analytics_round_signals WHERE signal_type = 'signal_of_4'", Boolean.class)).isTrue();
    }

    @Test
    void sendingTheSameRoundAgainAnswersTheStoredRoundAndWritesNothing() {
        JsonNode first = ok(writePath.logRound(seedRound())).data("logRound.round");
        Map<String, Integer> before = writePath.rowCounts();
        JsonNode sessionBefore = writePath.session(SESSION);

        GraphQlResponse again = ok(writePath.logRound(seedRound()));

        assertThat(again.data("logRound.duplicate").asBoolean()).isTrue();
        assertThat(again.data("logRound.round")).isEqualTo(first);
        assertThat(writePath.rowCounts()).isEqualTo(before);
        assertThat(writePath.session(SESSION).path("totals")).isEqualTo(sessionBefore.path("totals"));
    }

    @Test
    void amountsThatDifferOnlyInTrailingZerosAreTheSameContent() {
        ok(writePath.logRound(seedRound()));

        GraphQlResponse again = ok(writePath.logRound(with(seedRound(), "stakeValue", "10", "profitLoss", "3.3")));

        assertThat(again.data("logRound.duplicate").asBoolean()).isTrue();
    }

    @Test
    void theSameRoundWithOtherContentIsAConflictAndTheStoredRoundStays() {
        ok(writePath.logRound(seedRound()));
        List<String> stored = writePath.snapshot("crash_game_rounds");
        Map<String, Integer> before = writePath.rowCounts();

        GraphQlResponse conflicting = writePath.logRound(with(seedRound(), "crashMultiplier", "2.50"));

        refused(conflicting, "CONFLICT", "input.roundNumber", "CONFLICT");
        assertThat(conflicting.errors().get(0).path("message").asString()).contains("already logged with other content");
        assertThat(writePath.snapshot("crash_game_rounds")).isEqualTo(stored);
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    @Test
    void aChangedNestedSampleIsOtherContentToo() {
        ok(writePath.logRound(seedRound()));
        Map<String, Object> changed = with(seedRound(), "multiplierSamples",
                List.of(Map.of("multiplier", "1.00", "elapsedMs", 1)));

        refused(writePath.logRound(changed), "CONFLICT", "input.roundNumber", "CONFLICT");
    }

    @Test
    void twoThreadsSendingTheSameRoundAtOnceMakeOneRowAndOneDuplicate() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // Several rounds, to give the race several chances to go wrong.
            for (int number = 1; number <= 5; number++) {
                Map<String, Object> round = with(seedRound(), "roundNumber", number, "runningBalanceBefore", null,
                        "runningBalanceAfter", null);
                CountDownLatch go = new CountDownLatch(1);
                Callable<GraphQlResponse> send = () -> {
                    go.await();
                    return new GraphQlClient(port).execute(WritePath.LOG_ROUND, Map.of("input", round));
                };
                Future<GraphQlResponse> one = threads.submit(send);
                Future<GraphQlResponse> other = threads.submit(send);
                go.countDown();
                List<GraphQlResponse> answers = List.of(ok(one.get()), ok(other.get()));

                assertThat(answers).extracting(a -> a.data("logRound.duplicate").asBoolean())
                        .containsExactlyInAnyOrder(true, false);
                assertThat(answers.get(0).data("logRound.round.id")).isEqualTo(answers.get(1).data("logRound.round.id"));
                assertThat(jdbc.queryForObject("SELECT count(*) FROM crash_game_rounds WHERE round_number = ?",
                        Integer.class, number)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        // Five rounds, each counted once: three samples and one signal each.
        assertThat(writePath.count("crash_game_rounds")).isEqualTo(5);
        assertThat(writePath.count("analytics_round_multipliers")).isEqualTo(15);
        assertThat(writePath.count("analytics_round_signals")).isEqualTo(5);
        assertThat(writePath.session(SESSION).path("totals").path("totalRounds").asInt()).isEqualTo(5);
    }
}
