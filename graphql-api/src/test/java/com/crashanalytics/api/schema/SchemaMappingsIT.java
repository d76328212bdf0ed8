package com.crashanalytics.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.domain.analytics.multipliers.BigMultiplierGaps;
import graphql.schema.FieldCoordinates;
import graphql.schema.idl.RuntimeWiring;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaMappingInspector;
import org.springframework.graphql.execution.SchemaReport;

/**
 * Spring for GraphQL's schema inspection, run by the build rather than by every start (the gateway switches it off:
 * {@code spring.graphql.schema.inspection.enabled}, a sixth of a second of each start's main thread): every field of
 * the schema has a data fetcher or a property of the class its parent is answered with, every data fetcher a field,
 * every controller argument an argument in the schema. A field added to the schema and forgotten in the code fails
 * here, where the start used to log it.
 */
@GatewayIntegrationTest
class SchemaMappingsIT {

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    List<RuntimeWiringConfigurer> wiringConfigurers;

    @Test
    void everyFieldIsMappedAndEveryMappingHasItsField() {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        wiringConfigurers.forEach(configurer -> configurer.configure(wiring));

        SchemaReport report = SchemaMappingInspector.inspect(graphQlSource.schema(),
                wiring.build().getDataFetchers());

        assertThat(report.unmappedFields().stream().filter(field -> !readFromTheGapsRecord(field)))
                .as("schema fields with no data fetcher and no property").isEmpty();
        assertThat(report.unmappedRegistrations()).as("data fetchers of no schema field").isEmpty();
        assertThat(report.unmappedArguments()).as("controller arguments the schema does not declare").isEmpty();
        assertThat(report.fieldNullnessErrors().keySet().stream().filter(field -> !nullOnlyWhenNotAsked(field)))
                .as("non-null fields read from nullable properties").isEmpty();
        // Not asserted: argumentNullnessErrors, the ten optional arguments with a default (`last: Int = 10`) bound
        // to primitives, which never see a null: one sent as null takes its default (NullMeansDefault).
    }

    /**
     * {@code PerformanceStats}' figures that need the rounds in order are null in a view built from totals alone,
     * which the gateway builds only when the query selects none of them ({@code PerformanceView}), so a null is never
     * read: four of them are non-null in the schema.
     */
    private static boolean nullOnlyWhenNotAsked(FieldCoordinates field) {
        return field.getTypeName().equals("PerformanceStats") && Set.of("longestWinStreak", "longestLossStreak",
                "maxDrawdown", "currentDrawdown").contains(field.getFieldName());
    }

    /**
     * {@code streaks} answers a {@code DataFetcherResult} (the gaps with their query as local context for
     * {@code recentHits}), which the inspector does not look into, so it reports every field of the gaps: here each
     * must be a component of the record the gaps are answered with.
     */
    private static boolean readFromTheGapsRecord(FieldCoordinates field) {
        return field.getTypeName().equals("BigMultiplierGaps") && Arrays.stream(
                BigMultiplierGaps.class.getRecordComponents()).anyMatch(c -> c.getName().equals(field.getFieldName()));
    }
}
