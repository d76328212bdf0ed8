package com.crashanalytics.api.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.crashanalytics.api.testing.GatewaySchema;
import com.crashanalytics.domain.round.RoundReadModel.Analytics;
import com.crashanalytics.domain.round.RoundReadModel.Detail;
import com.crashanalytics.domain.round.RoundReadModel.Reading;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.junit.jupiter.api.Test;

/**
 * Which {@link Reading} a round list's selection asks for, and that every field of {@code Round} in the schema is
 * known to {@link RoundReadings}: a field added without being placed there would read the whole round on every list.
 */
class RoundReadingsTest {

    @Test
    void everyFieldOfRoundInTheSchemaShowsOneDetailOrTheRoundsIdentity() {
        Set<String> fields = GatewaySchema.fieldsOf("Round");

        Set<String> known = new HashSet<>(RoundReadings.DETAIL_OF_FIELD.keySet());
        known.addAll(RoundReadings.IDENTITY_FIELDS);
        known.remove("__typename");
        assertThat(fields).containsExactlyInAnyOrderElementsOf(known);
        assertThat(RoundReadings.DETAIL_OF_FIELD.keySet()).doesNotContainAnyElementsOf(RoundReadings.IDENTITY_FIELDS);
    }

    @Test
    void everyDetailButTheFingerprintIsShownByExactlyOneField() {
        Map<Detail, List<String>> fieldsOf = RoundReadings.DETAIL_OF_FIELD.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        assertThat(fieldsOf.keySet()).containsExactlyInAnyOrderElementsOf(
                EnumSet.complementOf(EnumSet.of(Detail.CONTENT_FINGERPRINT)));
        assertThat(fieldsOf.values()).allSatisfy(names -> assertThat(names).hasSize(1));
    }

    @Test
    void aSelectionReadsTheDetailsItShowsAndTheAnalyticsOnlyForOutcome() {
        assertThat(RoundReadings.askedIn(selection(Set.of("roundNumber", "stakeValue", "profitLoss", "signals"))))
                .isEqualTo(new Reading(Analytics.LEFT_OUT, EnumSet.of(Detail.STAKE_VALUE, Detail.PROFIT_LOSS)));
        assertThat(RoundReadings.askedIn(selection(Set.of("id", "outcome", "metadata", "__typename"))))
                .isEqualTo(new Reading(Analytics.INCLUDED, EnumSet.of(Detail.METADATA)));
        assertThat(RoundReadings.askedIn(selection(Set.of("roundStartTimestamp", "bot", "errors"))))
                .isEqualTo(new Reading(Analytics.LEFT_OUT, Set.of()));
    }

    @Test
    void aFieldItDoesNotKnowReadsTheWholeRound() {
        assertThat(RoundReadings.askedIn(selection(Set.of("stakeValue", "aFieldAddedLater"))))
                .isEqualTo(Reading.everything(Analytics.LEFT_OUT));
        assertThat(RoundReadings.askedIn(selection(Set.of("outcome", "aFieldAddedLater"))))
                .isEqualTo(Reading.EVERYTHING);
    }

    /** A round connection's selection whose rounds show these fields: {@code edges { node { ... } } pageInfo}. */
    private static DataFetchingFieldSelectionSet selection(Set<String> roundFields) {
        SelectedField node = Selections.selected("node", Selections.names(roundFields));
        return Selections.of(List.of(Selections.selected("edges", List.of(node)),
                Selections.selected("pageInfo", List.of())));
    }

}
