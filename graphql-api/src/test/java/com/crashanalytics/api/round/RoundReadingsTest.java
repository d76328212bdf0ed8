package com.crashanalytics.api.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
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
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/**
 * Which {@link Reading} a round list's selection asks for, and that every field of {@code Round} in the schema is
 * known to {@link RoundReadings}: a field added without being placed there would read the whole round on every list.
 */
class RoundReadingsTest {

    @Test
    void everyFieldOfRoundInTheSchemaShowsOneDetailOrTheRoundsIdentity() throws Exception {
        TypeDefinitionRegistry schema = GatewaySchema.definitions();
        Set<String> fields = new HashSet<>();
        schema.getType("Round", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()
                .forEach(field -> fields.add(field.getName()));
        schema.objectTypeExtensions().getOrDefault("Round", List.of()).stream()
                .map(ObjectTypeExtensionDefinition::getFieldDefinitions).flatMap(List::stream)
                .map(FieldDefinition::getName).forEach(fields::add);

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
        SelectedField node = selected("node", roundFields.stream().map(name -> selected(name, List.of())).toList());
        return selectionOf(List.of(selected("edges", List.of(node)), selected("pageInfo", List.of())));
    }

    private static DataFetchingFieldSelectionSet selectionOf(List<SelectedField> immediate) {
        return (DataFetchingFieldSelectionSet) Proxy.newProxyInstance(RoundReadingsTest.class.getClassLoader(),
                new Class<?>[] {DataFetchingFieldSelectionSet.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getImmediateFields")) {
                        return immediate;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SelectedField selected(String name, List<SelectedField> below) {
        return (SelectedField) Proxy.newProxyInstance(RoundReadingsTest.class.getClassLoader(),
                new Class<?>[] {SelectedField.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getSelectionSet" -> selectionOf(below);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
