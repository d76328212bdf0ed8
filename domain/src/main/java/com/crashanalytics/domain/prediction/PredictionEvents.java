package com.crashanalytics.domain.prediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.live.EventJournal.NewEvent;
import com.crashanalytics.domain.live.LiveEventKind;

/**
 * The live events of predictions ({@link LiveEventKind#PREDICTION_MADE}, {@link LiveEventKind#PREDICTION_JUDGED}),
 * appended to the event journal with the data they tell about. Their payload holds the fields of the GraphQL
 * {@code PredictionEvent}, by name.
 */
final class PredictionEvents {

    private PredictionEvents() {
    }

    static NewEvent made(Prediction prediction) {
        return LiveEventKind.PREDICTION_MADE.event(payload(prediction));
    }

    static List<NewEvent> judged(List<Prediction> verdicts) {
        return verdicts.stream().map(verdict -> LiveEventKind.PREDICTION_JUDGED.event(payload(verdict))).toList();
    }

    /** What it claims, and its verdict once it has one (absent fields are null). */
    private static Map<String, Object> payload(Prediction prediction) {
        Map<String, Object> fields = new LinkedHashMap<>();
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
        return fields;
    }
}
