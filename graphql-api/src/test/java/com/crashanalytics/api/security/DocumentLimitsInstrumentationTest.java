package com.crashanalytics.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The limits on a schema with paged lists, as the read path will have: a field under {@code first: n} counts n
 * times, so a dashboard asking for 10 bots with 5 sessions each pays for 50 sessions.
 */
class DocumentLimitsInstrumentationTest {

    private static final String SCHEMA = """
            type Query { bots(first: Int): [Bot] bot: Bot }
            type Bot { id: ID sessions(first: Int): [Session] }
            type Session { id: ID rounds(last: Int): [Round] }
            type Round { id: ID }
            """;

    @Test
    void pagedListsMultiplyWhatIsUnderThem() {
        // bots: 1 + 10 x (id 1 + sessions (1 + 5 x id 1)) = 1 + 10 x 7 = 71.
        String query = "{ bots(first: 10) { id sessions(first: 5) { id } } }";

        assertThat(errorsOf(limits(15, 71, 30, 20), query, Map.of())).isEmpty();
        assertThat(refusal(limits(15, 70, 30, 20), query, Map.of())).containsEntry("limit", "maxComplexity")
                .containsEntry("actual", 71L).containsEntry("max", 70L);
    }

    @Test
    void pageSizesInVariablesCountAsMuchAsLiterals() {
        // rounds = 1 + 100 x 1 = 101; sessions = 1 + 100 x (1 + 101) = 10,201; bots = 1 + 100 x (1 + 10,201) = 1,020,201.
        String query = "query($n: Int) { bots(first: $n) { id sessions(first: $n) { id rounds(last: $n) { id } } } }";

        assertThat(refusal(limits(15, 1000, 30, 20), query, Map.of("n", 100))).containsEntry("actual", 1_020_201L);
    }

    @Test
    void depthCountsLevelsOfFields() {
        String fourLevels = "{ bots { sessions { rounds { id } } } }";

        assertThat(errorsOf(limits(4, 1000, 30, 20), fourLevels, Map.of())).isEmpty();
        assertThat(refusal(limits(3, 1000, 30, 20), fourLevels, Map.of())).containsEntry("limit", "maxDepth")
                .containsEntry("actual", 4L);
    }

    @Test
    void aliasesAndRootFieldsAreCountedBeforeValidation() {
        assertThat(refusal(limits(15, 1000, 2, 20), "{ a: bot { id } b: bot { x: id } c: bot { id } }", Map.of()))
                .containsEntry("limit", "maxAliases").containsEntry("actual", 4L);
        assertThat(refusal(limits(15, 1000, 30, 2), "{ bot { id } ...More } fragment More on Query { bots { id } bot { id } }",
                Map.of())).containsEntry("limit", "maxRootFields").containsEntry("actual", 3L);
    }

    @Test
    void fragmentsAreCountedAsOftenAsTheyAreSpread() {
        // F2 = 2 x F1 = 4 x F0; F0 selects bot { id }: 2 fields, so 8 in all.
        String query = "{ ...F2 } fragment F2 on Query { ...F1 ...F1 } fragment F1 on Query { ...F0 ...F0 } "
                + "fragment F0 on Query { bot { id } }";

        assertThat(refusal(limits(15, 7, 30, 20), query, Map.of())).containsEntry("actual", 8L);
    }

    private static QueryLimits limits(int depth, int complexity, int aliases, int rootFields) {
        return new QueryLimits(depth, complexity, 15_000, aliases, rootFields, DataSize.ofMegabytes(1));
    }

    private static Map<String, Object> refusal(QueryLimits limits, String query, Map<String, Object> variables) {
        var errors = errorsOf(limits, query, variables);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
        return errors.get(0).getExtensions();
    }

    private static java.util.List<GraphQLError> errorsOf(QueryLimits limits, String query, Map<String, Object> variables) {
        GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA),
                        RuntimeWiring.newRuntimeWiring().build()))
                .instrumentation(new DocumentLimitsInstrumentation(limits))
                .build();
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
        return result.getErrors();
    }
}
