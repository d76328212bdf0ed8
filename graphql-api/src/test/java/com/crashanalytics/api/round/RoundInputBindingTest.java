package com.crashanalytics.api.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.input.InputRecords;
import com.crashanalytics.api.round.RoundInputs.LogRoundInput;
import com.crashanalytics.api.round.RoundInputs.LogRoundsInput;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;

/**
 * The round inputs are bound by {@link InputRecords} rather than Spring's {@code @Argument} binding: both must give
 * the same records for what graphql-java hands over (coerced values: BigDecimal, Instant, Integer, Double, enum
 * names, JSON trees, nested lists of input objects).
 */
class RoundInputBindingTest {

    @Test
    void aRoundWithEverythingNestedBindsAsSpringWouldBindIt() throws Exception {
        Map<String, Object> round = everyField();

        Object spring = new GraphQlArgumentBinder().bind(round, false, ResolvableType.forClass(LogRoundInput.class));
        LogRoundInput ours = InputRecords.bind(round, LogRoundInput.class);

        assertThat(ours).isEqualTo(spring);
        assertThat(ours.roundOutcome()).isNotNull();
        assertThat(ours.signals()).hasSize(1);
        assertThat(ours.ocrValidations().get(0).validationStatus()).isNotNull();
    }

    @Test
    void absentFieldsAreNullAndABatchBindsEachRound() throws Exception {
        Map<String, Object> sparse = Map.of("botId", "bot_1", "sessionId", "s1", "roundNumber", 2,
                "roundOutcome", "SKIP");
        Map<String, Object> batch = Map.of("rounds", List.of(everyField(), sparse));

        Object spring = new GraphQlArgumentBinder().bind(batch, false, ResolvableType.forClass(LogRoundsInput.class));
        LogRoundsInput ours = InputRecords.bind(batch, LogRoundsInput.class);

        assertThat(ours).isEqualTo(spring);
        assertThat(ours.rounds().get(1).stakeValue()).isNull();
        assertThat(ours.rounds().get(1).signals()).isNull();
    }

    private static Map<String, Object> everyField() {
        Map<String, Object> round = new HashMap<>();
        round.put("botId", "bot_1");
        round.put("sessionId", "s1");
        round.put("gameName", "aviator");
        round.put("platformCode", "dafabet");
        round.put("roundNumber", 1);
        round.put("roundExternalId", "av-1");
        round.put("roundStartTimestamp", Instant.parse("2026-11-21T14:03:00Z"));
        round.put("roundEndTimestamp", Instant.parse("2026-11-21T14:03:09.500Z"));
        round.put("stakeValue", new BigDecimal("10.00"));
        round.put("strategyName", "compound_1.33x");
        round.put("strategyStep", 2);
        round.put("targetMultiplier", new BigDecimal("1.33"));
        round.put("crashMultiplier", new BigDecimal("2.45"));
        round.put("cashoutMultiplier", new BigDecimal("1.33"));
        round.put("finalMultiplier", new BigDecimal("2.45"));
        round.put("multiplierSource", "ocr");
        round.put("roundOutcome", "WIN");
        round.put("profitLoss", new BigDecimal("3.30"));
        round.put("runningBalanceBefore", new BigDecimal("1000"));
        round.put("runningBalanceAfter", new BigDecimal("1003.30"));
        round.put("ocrText", "1.33x");
        round.put("ocrCleanedValue", new BigDecimal("1.33"));
        round.put("ocrConfidence", 0.95);
        round.put("cashoutDetectionConfidence", 0.9);
        round.put("screenshotReferenceId", "shot-1");
        round.put("errorType", null);
        round.put("errorDescription", null);
        round.put("recoveryActionTaken", null);
        round.put("retryCount", 0);
        round.put("metadata", Map.of("strategy", "compound", "levels", List.of(1, 2.5)));
        round.put("multiplierSamples", List.of(Map.of("multiplier", new BigDecimal("1.33"), "elapsedMs", 3100,
                "isCashout", true), Map.of("multiplier", new BigDecimal("2.45"), "isCrash", true, "sampleIndex", 7)));
        round.put("signals", List.of(Map.of("signalType", "early_flight", "confidenceScore", 0.92,
                "predictedMultiplier", new BigDecimal("2.00"), "featureVector", Map.of("acceleration", 0.089))));
        round.put("ocrValidations", List.of(Map.of("fieldName", "cashout_multiplier", "rawOcrText", "1.33x",
                "cleanedValue", new BigDecimal("1.33"), "confidence", 0.95, "validationStatus", "VALID")));
        return round;
    }
}
