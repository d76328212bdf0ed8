package com.crashanalytics.domain.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.common.Fingerprint;
import com.crashanalytics.domain.common.JsonDocument;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A signal a bot's model emitted for a round, as the bot reports it: the prediction that the round reaches
 * {@code predictedMultiplier}, with probability {@code confidenceScore}. Identified within its round by
 * {@code signalType} and {@code clientSignalId}.
 *
 * @param clientSignalId tells apart several signals of one type for one round; absent means the only one
 * @param timestamp      when the signal was emitted; defaults to the round's start (nested) or the time received
 */
public record SignalReport(
        String signalType,
        @Nullable String clientSignalId,
        @Nullable Instant timestamp,
        Double confidenceScore,
        @Nullable BigDecimal predictedMultiplier,
        @Nullable Integer timeToCrashPredictedMs,
        @Nullable String patternType,
        @Nullable JsonDocument featureVector) {

    public List<Violation> violations(Instant receivedAt) {
        Violations violations = new Violations()
                .identifier("signalType", signalType, 50)
                .time("timestamp", timestamp, receivedAt)
                .multiplier("predictedMultiplier", predictedMultiplier)
                .nonNegative("timeToCrashPredictedMs", timeToCrashPredictedMs)
                .text("patternType", patternType, 50)
                .json("featureVector", featureVector);
        if (clientSignalId != null) {
            violations.identifier("clientSignalId", clientSignalId, 100);
        }
        if (confidenceScore == null) {
            violations.add("confidenceScore", "REQUIRED", "is required");
        } else {
            violations.unitInterval("confidenceScore", confidenceScore);
        }
        return violations.list();
    }

    /** The signal's identity within its round: type and client id ('' when the bot gave none). */
    public String identityWithinRound() {
        return signalType + "\u0000" + clientSignalIdOrEmpty();
    }

    public String clientSignalIdOrEmpty() {
        return clientSignalId == null ? "" : clientSignalId;
    }

    /** The signal as submitted: the same whether it came nested in its round or alone. */
    public Map<String, @Nullable Object> content() {
        Map<String, @Nullable Object> content = new LinkedHashMap<>();
        content.put("signalType", signalType);
        content.put("clientSignalId", clientSignalIdOrEmpty());
        content.put("timestamp", timestamp);
        content.put("confidenceScore", confidenceScore);
        content.put("predictedMultiplier", predictedMultiplier);
        content.put("timeToCrashPredictedMs", timeToCrashPredictedMs);
        content.put("patternType", patternType);
        content.put("featureVector", featureVector);
        return content;
    }

    public String fingerprint() {
        return Fingerprint.of("signal", content());
    }
}
