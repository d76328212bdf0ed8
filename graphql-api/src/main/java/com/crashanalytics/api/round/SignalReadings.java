package com.crashanalytics.api.round;

import static java.util.Map.entry;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.crashanalytics.domain.round.RoundReadModel.SignalDetail;
import com.crashanalytics.domain.round.RoundReadModel.SignalReading;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * What of their signals a round's {@code signals} field shows, as the {@link SignalReading} its loader reads them
 * with: the {@link SignalDetail} behind each field asked, through fragments and aliases too (a field skipped by
 * {@code @skip} or {@code @include} does not count). A field this does not know reads the whole signal, so a field
 * added to the schema and not here is answered right, only not as cheaply.
 */
final class SignalReadings {

    /** The fields each of which shows one detail of the signal. */
    static final Map<String, SignalDetail> DETAIL_OF_FIELD = Map.ofEntries(
            entry("signalType", SignalDetail.SIGNAL_TYPE),
            entry("clientSignalId", SignalDetail.CLIENT_SIGNAL_ID),
            entry("confidenceScore", SignalDetail.CONFIDENCE_SCORE),
            entry("predictedMultiplier", SignalDetail.PREDICTED_MULTIPLIER),
            entry("timeToCrashPredictedMs", SignalDetail.TIME_TO_CRASH_PREDICTED_MS),
            entry("patternType", SignalDetail.PATTERN_TYPE),
            entry("featureVector", SignalDetail.FEATURE_VECTOR),
            entry("signalCorrectness", SignalDetail.SIGNAL_CORRECTNESS),
            entry("actualMultiplier", SignalDetail.ACTUAL_MULTIPLIER),
            entry("predictionError", SignalDetail.PREDICTION_ERROR));

    /** The fields a signal answers from its identity (id, round, bot, session, round number, time), always read. */
    static final Set<String> IDENTITY_FIELDS = Set.of("id", "roundId", "pending", "roundNumber", "botId", "sessionId",
            "timestamp", "__typename");

    /** Where a request keeps the readings it worked out, in its GraphQL context. */
    private static final Object READINGS_OF_REQUEST = new Object();

    private SignalReadings() {
    }

    /**
     * The reading of the {@code signals} field being fetched. It depends only on the document's fields merged into
     * this one and the request's variables, so a request works it out once for each such field and the 2,000 rounds
     * of a 10 × 10 × 20 dashboard share it, rather than each walking graphql-java's selection set again.
     */
    static SignalReading of(DataFetchingEnvironment environment) {
        Map<List<Field>, SignalReading> readings = environment.getGraphQlContext()
                .computeIfAbsent(READINGS_OF_REQUEST, request -> new ConcurrentHashMap<List<Field>, SignalReading>());
        return readings.computeIfAbsent(environment.getMergedField().getFields(),
                fields -> askedIn(environment.getSelectionSet()));
    }

    /** The reading a selection of signal fields asks for. */
    static SignalReading askedIn(DataFetchingFieldSelectionSet signals) {
        Set<SignalDetail> details = EnumSet.noneOf(SignalDetail.class);
        for (SelectedField field : signals.getImmediateFields()) {
            SignalDetail detail = DETAIL_OF_FIELD.get(field.getName());
            if (detail != null) {
                details.add(detail);
            } else if (!IDENTITY_FIELDS.contains(field.getName())) {
                return SignalReading.EVERYTHING;
            }
        }
        return new SignalReading(details);
    }
}
