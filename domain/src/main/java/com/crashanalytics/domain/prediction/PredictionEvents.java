package com.crashanalytics.domain.prediction;

import java.util.LinkedHashMap;
import java.util.Map;

import com.crashanalytics.domain.common.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * The live events of predictions, appended to the event journal with the data they tell about: a subscription or an
 * alert rule (e.g. on confidence above a threshold) reads them from there, on any replica.
 */
public final class PredictionEvents {

    /** A prediction was logged (not for a retry). */
    public static final String MADE = "predictionMade";
    /** A prediction got its verdict. */
    public static final String JUDGED = "predictionJudged";

    private PredictionEvents() {
    }

    /** The prediction as an event's JSON payload: what it claims, and its verdict once it has one. */
    static String payload(Prediction prediction) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", prediction.id().toString());
        fields.put("modelName", prediction.modelName());
        fields.put("modelVersion", prediction.modelVersion());
        fields.put("predictionId", prediction.predictionId());
        fields.put("gameName", prediction.gameName());
        fields.put("platformCode", prediction.platformCode());
        fields.put("kind", prediction.kind().name());
        fields.put("threshold", prediction.threshold());
        fields.put("horizonRounds", prediction.horizonRounds());
        fields.put("gapFrom", prediction.gapFrom());
        fields.put("gapTo", prediction.gapTo());
        fields.put("confidence", prediction.confidence());
        fields.put("madeAt", prediction.madeAt().toString());
        fields.put("expiresAt", prediction.expiresAt().toString());
        fields.put("status", prediction.status().name());
        fields.put("roundsObserved", prediction.roundsObserved());
        fields.put("firstHitAfterRounds", prediction.firstHitAfterRounds());
        fields.put("decidingRoundId", prediction.decidingRoundId() == null ? null : prediction.decidingRoundId().toString());
        fields.put("judgedAt", prediction.judgedAt() == null ? null : prediction.judgedAt().toString());
        return JsonDocument.canonical(fields);
    }
}
