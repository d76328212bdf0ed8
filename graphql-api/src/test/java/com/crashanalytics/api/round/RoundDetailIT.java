package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/** Signals (before or after their round), samples sent after their round, and the data-quality flags. */
@GatewayIntegrationTest
class RoundDetailIT {

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

    static Map<String, Object> signal(int roundNumber, double confidence, String predicted) {
        Map<String, Object> signal = new HashMap<>();
        signal.put("botId", BOT);
        signal.put("sessionId", SESSION);
        signal.put("roundNumber", roundNumber);
        signal.put("signalType", "streak_10x");
        signal.put("confidenceScore", confidence);
        signal.put("predictedMultiplier", predicted);
        signal.put("timestamp", "2026-11-21T14:02:59Z");
        signal.put("featureVector", Map.of("gap", 12));
        return signal;
    }

    @Test
    void aSignalLoggedBeforeItsRoundIsPendingAndTheRoundJudgesIt() {
        // 0.3 < 0.5: the signal doubts the round reaches 10x
        JsonNode pending = ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", signal(1, 0.3, "10.00"))))
                .data("logSignal.signal");
        assertThat(pending.path("pending").asBoolean()).isTrue();
        assertThat(pending.path("roundId").isNull()).isTrue();
        assertThat(pending.path("signalCorrectness").isNull()).isTrue();

        String roundId = ok(writePath.logRound(round(1, "LOSS", "10", "3.20", null))).data("logRound.round.id").asString();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM analytics_round_signals");
        assertThat(row.get("round_id").toString()).isEqualTo(roundId);
        // crashed at 3.20 < 10: the doubt was right; error 3.20 − 10.00 = −6.80
        assertThat(row.get("signal_correctness")).isEqualTo(true);
        assertThat((BigDecimal) row.get("actual_multiplier")).isEqualByComparingTo("3.20");
        assertThat((BigDecimal) row.get("prediction_error")).isEqualByComparingTo("-6.80");
    }

    @Test
    void aSignalLoggedAfterItsRoundIsJudgedAtOnce() {
        ok(writePath.logRound(round(1, "WIN", "10", "12.40", "2.00")));

        JsonNode signal = ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", signal(1, 0.8, "10.00"))))
                .data("logSignal.signal");

        // confident it reaches 10x; it crashed at 12.40: right, error +2.40
        assertThat(signal.path("pending").asBoolean()).isFalse();
        assertThat(signal.path("signalCorrectness").asBoolean()).isTrue();
        assertThat(signal.path("predictionError").decimalValue()).isEqualByComparingTo("2.40");
        assertThat(signal.path("featureVector").path("gap").asInt()).isEqualTo(12);
    }

    @Test
    void aSignalSentAgainIsADuplicateAndWithOtherContentAConflict() {
        ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", signal(1, 0.3, "10.00"))));

        GraphQlResponse again = ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", signal(1, 0.3, "10.0"))));
        GraphQlResponse changed = client.execute(WritePath.LOG_SIGNAL, Map.of("input", signal(1, 0.4, "10.00")));
        GraphQlResponse another = ok(client.execute(WritePath.LOG_SIGNAL,
                Map.of("input", with(signal(1, 0.4, "10.00"), "clientSignalId", "model-b"))));

        assertThat(again.data("logSignal.duplicate").asBoolean()).isTrue();
        refused(changed, "CONFLICT", "input.clientSignalId", "CONFLICT");
        assertThat(another.data("logSignal.duplicate").asBoolean()).isFalse();
        assertThat(writePath.count("analytics_round_signals")).isEqualTo(2);
    }

    @Test
    void theSameSignalNestedInTheRoundAfterwardsIsNotWrittenTwice() {
        Map<String, Object> standalone = signal(1, 0.3, "10.00");
        ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", standalone)));
        Map<String, Object> nested = new HashMap<>(standalone);
        nested.keySet().removeAll(List.of("botId", "sessionId", "roundNumber"));

        ok(writePath.logRound(with(round(1, "LOSS", "10", "3.20", null), "signals", List.of(nested))));

        assertThat(writePath.count("analytics_round_signals")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT round_id IS NOT NULL FROM analytics_round_signals", Boolean.class)).isTrue();
    }

    @Test
    void aNestedSignalContradictingAPendingOneIsAConflict() {
        ok(client.execute(WritePath.LOG_SIGNAL, Map.of("input", signal(1, 0.3, "10.00"))));
        Map<String, Object> nested = Map.of("signalType", "streak_10x", "confidenceScore", 0.9, "predictedMultiplier", "10.00");

        GraphQlResponse response = writePath.logRound(with(round(1, "LOSS", "10", "3.20", null), "signals", List.of(nested)));

        refused(response, "CONFLICT", "input.signals[0]", "CONFLICT");
        assertThat(writePath.count("crash_game_rounds")).isZero();
    }

    @Test
    void aSignalForARoundOfAnEndedSessionThatWasNeverLoggedIsRefused() {
        ok(client.execute(WritePath.END_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "status", "COMPLETED"))));

        refused(client.execute(WritePath.LOG_SIGNAL, Map.of("input", signal(1, 0.3, "10.00"))), "CONFLICT",
                "input.roundNumber", "CONFLICT");
        assertThat(writePath.count("analytics_round_signals")).isZero();
    }

    @Test
    void samplesSentAfterTheRoundAreIdempotentByIndex() {
        ok(writePath.logRound(with(round(1, "LOSS", "10", "3.20", null),
                "multiplierSamples", List.of(Map.of("multiplier", "1.00")))));
        Map<String, Object> sample = new HashMap<>(Map.of("botId", BOT, "sessionId", SESSION, "roundNumber", 1,
                "sampleIndex", 1, "multiplier", "2.10", "elapsedMs", 4200, "ocrConfidence", 0.9));

        JsonNode first = ok(client.execute(WritePath.LOG_MULTIPLIER, Map.of("input", sample))).data("logMultiplier");
        JsonNode again = ok(client.execute(WritePath.LOG_MULTIPLIER, Map.of("input", sample))).data("logMultiplier");
        GraphQlResponse changed = client.execute(WritePath.LOG_MULTIPLIER,
                Map.of("input", with(sample, "multiplier", "2.20")));
        GraphQlResponse taken = client.execute(WritePath.LOG_MULTIPLIER,
                Map.of("input", with(sample, "sampleIndex", 0)));
        GraphQlResponse noRound = client.execute(WritePath.LOG_MULTIPLIER,
                Map.of("input", with(sample, "roundNumber", 2)));

        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(first.path("sample").path("elapsedMs").asInt()).isEqualTo(4200);
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("sample").path("id")).isEqualTo(first.path("sample").path("id"));
        refused(changed, "CONFLICT", "input.sampleIndex", "CONFLICT");
        refused(taken, "CONFLICT", "input.sampleIndex", "CONFLICT");
        refused(noRound, "NOT_FOUND", "input.roundNumber", "MUST_EXIST");
        assertThat(writePath.count("analytics_round_multipliers")).isEqualTo(2);
    }

    @Test
    void aBalanceBeforeThatDoesNotFollowThePreviousRoundIsAcceptedAndFlagged() {
        ok(writePath.logRound(with(round(1, "LOSS", "10", "1.10", null),
                "runningBalanceBefore", "1000", "runningBalanceAfter", "990")));

        // the OCR read 999.00 where the balance was 990.00
        JsonNode misread = ok(writePath.logRound(with(round(2, "LOSS", "10", "1.10", null),
                "runningBalanceBefore", "999.00", "runningBalanceAfter", "989"))).data("logRound.round");

        assertThat(misread.path("dataQualityFlags")).extracting(JsonNode::asString).containsExactly("BALANCE_DISCONTINUITY");
        assertThat(jdbc.queryForObject("SELECT array_to_string(data_quality_flags, ',') FROM crash_game_rounds WHERE round_number = 2",
                String.class)).isEqualTo("BALANCE_DISCONTINUITY");
        // the bot's balances are believed
        assertThat(writePath.session(SESSION).path("totals").path("currentBalance").decimalValue()).isEqualByComparingTo("989");
    }

    @Test
    void balancesThatDoNotAddUpAndCrashPointsThePlatformCannotShowAreFlagged() {
        ok(client.execute(WritePath.CONFIGURE_PLATFORM, Map.of("input", Map.of("gameName", "aviator",
                "platformCode", "dafabet", "maxMultiplier", "10000"))));

        JsonNode round = ok(writePath.logRound(with(round(1, "WIN", "10", "25000", "2.00"),
                "runningBalanceBefore", "1000", "runningBalanceAfter", "1020"))).data("logRound.round");

        // 1000 + 10 ≠ 1020; 25000x is above the platform's 10000x cap
        assertThat(round.path("dataQualityFlags")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("BALANCE_MISMATCH", "MULTIPLIER_OUTSIDE_PLATFORM_RANGE");
    }

    @Test
    void aLateRoundRestatesTheContinuityOfTheRoundAfterIt() {
        ok(writePath.logRound(with(round(1, "LOSS", "10", "1.10", null), "runningBalanceAfter", "990")));
        // round 3 reports 980 before it: a discontinuity while round 2 (−10) is missing
        JsonNode three = ok(writePath.logRound(with(round(3, "LOSS", "10", "1.10", null),
                "runningBalanceBefore", "980"))).data("logRound.round");
        assertThat(three.path("dataQualityFlags")).extracting(JsonNode::asString).containsExactly("BALANCE_DISCONTINUITY");

        ok(writePath.logRound(round(2, "LOSS", "10", "1.10", null)));

        // with round 2 in place, 990 − 10 = 980 follows on: the flag goes
        assertThat(jdbc.queryForObject("SELECT cardinality(data_quality_flags) FROM crash_game_rounds WHERE round_number = 3",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT loss_streak_length FROM analytics_round_outcomes ORDER BY round_number",
                Integer.class)).containsExactly(1, 2, 3);
        assertThat(writePath.session(SESSION).path("totals").path("currentBalance").decimalValue()).isEqualByComparingTo("970");
    }
}
