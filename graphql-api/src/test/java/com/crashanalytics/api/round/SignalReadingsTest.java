package com.crashanalytics.api.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.crashanalytics.api.testing.GatewaySchema;
import com.crashanalytics.domain.round.RoundReadModel.SignalDetail;
import com.crashanalytics.domain.round.RoundReadModel.SignalReading;
import org.junit.jupiter.api.Test;

/**
 * Which {@link SignalReading} a selection of signal fields asks for, and that every field of {@code Signal} in the
 * schema is known to {@link SignalReadings}: a field added without being placed there would read whole signals.
 */
class SignalReadingsTest {

    @Test
    void everyFieldOfSignalInTheSchemaShowsOneDetailOrTheSignalsIdentity() {
        Set<String> known = new HashSet<>(SignalReadings.DETAIL_OF_FIELD.keySet());
        known.addAll(SignalReadings.IDENTITY_FIELDS);
        known.remove("__typename");
        assertThat(GatewaySchema.fieldsOf("Signal")).containsExactlyInAnyOrderElementsOf(known);
        assertThat(SignalReadings.DETAIL_OF_FIELD.keySet()).doesNotContainAnyElementsOf(SignalReadings.IDENTITY_FIELDS);
    }

    @Test
    void everyDetailTheSchemaShowsIsShownByExactlyOneField() {
        Map<SignalDetail, List<String>> fieldsOf = SignalReadings.DETAIL_OF_FIELD.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        assertThat(fieldsOf.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(
                SignalDetail.GAME_NAME, SignalDetail.PLATFORM_CODE, SignalDetail.CONTENT_FINGERPRINT)));
        assertThat(fieldsOf.values()).allSatisfy(names -> assertThat(names).hasSize(1));
    }

    @Test
    void aSelectionReadsTheDetailsItShows() {
        assertThat(SignalReadings.askedIn(Selections.of(Selections.names(
                List.of("signalType", "signalCorrectness", "pending", "id")))))
                .isEqualTo(new SignalReading(EnumSet.of(SignalDetail.SIGNAL_TYPE, SignalDetail.SIGNAL_CORRECTNESS)));
        assertThat(SignalReadings.askedIn(Selections.of(Selections.names(
                List.of("roundId", "timestamp", "__typename")))))
                .isEqualTo(new SignalReading(Set.of()));
        assertThat(SignalReadings.askedIn(Selections.of(Selections.names(List.of("featureVector", "predictionError")))))
                .isEqualTo(new SignalReading(EnumSet.of(SignalDetail.FEATURE_VECTOR, SignalDetail.PREDICTION_ERROR)));
    }

    @Test
    void aFieldItDoesNotKnowReadsTheWholeSignal() {
        assertThat(SignalReadings.askedIn(Selections.of(Selections.names(List.of("signalType", "aFieldAddedLater")))))
                .isEqualTo(SignalReading.EVERYTHING);
    }
}
