package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.crashanalytics.api.read.DashboardQueryIT;
import com.crashanalytics.api.testing.GatewaySchema;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.RawVariables;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The limits on a schema with paged lists, as the read path will have: a field under {@code first: n} counts n
 * times, so a dashboard asking for 10 bots with 5 sessions each pays for 50 sessions.
 */
public class DocumentLimitsInstrumentationTest {

    /** gateway.limits.max-complexity in application.yaml. */
    private static final long DEFAULT_MAX_COMPLEXITY = 100_000;

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
    void underAConnectionOnlyTheEdgesCountOncePerRow() {
        // The page's pageInfo and totalCount are answered once, whatever first is: bots = 1 + totalCount 1 + pageInfo
        // (1 + hasNextPage 1) + 10 x edges (1 + node (1 + id 1)) = 1 + 1 + 2 + 10 x 3 = 34 (was 1 + 10 x 6 = 61).
        String schema = """
                type Query { bots(first: Int): BotConnection }
                type BotConnection { edges: [BotEdge] pageInfo: PageInfo totalCount: Int }
                type BotEdge { node: Bot cursor: String }
                type PageInfo { hasNextPage: Boolean }
                type Bot { id: ID }
                """;
        String query = "{ bots(first: 10) { totalCount pageInfo { hasNextPage } edges { node { id } } } }";

        assertThat(errorsOf(schema, limits(15, 34, 30, 20), query, Map.of())).isEmpty();
        assertThat(refusal(schema, limits(15, 33, 30, 20), query, Map.of())).containsEntry("actual", 34L);
    }

    @Test
    void theTenByTenByTwentyDashboardIsWellWithinTheDefaultLimit() throws Exception {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(GatewaySchema.definitions());
        ExecutableNormalizedOperation dashboard = ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperationWithRawVariables(schema, Parser.parse(DashboardQueryIT.DASHBOARD),
                        null, RawVariables.of(Map.of("bots", 10, "sessions", 10, "rounds", 20)));

        // A round's node: 4 scalars + outcome (1 + 3) + session (1 + 1) + signals (1 + 4) = 15, so 1 + 15 = 16, its
        // edges 17; rounds = 1 + totalCount 1 + pageInfo 3 + 20 x 17 = 345. A session's node: 1 + 3 scalars +
        // totals (1 + 5) + bot (1 + 1) + rounds 345 = 357, its edges 358; sessions = 1 + 1 + pageInfo 2 + 10 x 358 =
        // 3,584. A bot's node: 1 + 2 scalars + currentSession 2 + sessions 3,584 = 3,589, its edges 1 + cursor 1 +
        // 3,589 = 3,591; bots = 1 + 1 + pageInfo 4 + 10 x 3,591 = 35,916 (43,831 when pageInfo and totalCount were
        // multiplied too), against the default 100,000.
        assertThat(DocumentLimitsInstrumentation.complexity(dashboard, schema)).isEqualTo(35_916L)
                .isLessThan(DEFAULT_MAX_COMPLEXITY);
    }

    @Test
    void depthCountsLevelsOfFields() {
        String fourLevels = "{ bots { sessions { rounds { id } } } }";

        assertThat(errorsOf(limits(4, 1000, 30, 20), fourLevels, Map.of())).isEmpty();
        assertThat(refusal(limits(3, 1000, 30, 20), fourLevels, Map.of())).containsEntry("limit", "maxDepth")
                .containsEntry("actual", 4L);
    }

    @Test
    void depthIsCountedAsWrittenThroughFragmentsBeforeValidation() {
        // 4 levels through an inline fragment and two named ones, the deepest under @skip; and a misspelt field
        // (unknown to the schema) that validation would refuse, which the depth refuses first.
        String throughFragments = "{ ...B } fragment B on Query { bots { ... on Bot { ...S } } } "
                + "fragment S on Bot { botId sessions @skip(if: true) { rounds { rnd } } }";

        assertThat(refusal(limits(3, 1000, 30, 20), throughFragments, Map.of())).containsEntry("limit", "maxDepth")
                .containsEntry("max", 3L).containsEntry("actual", 4L);
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

    /** A document's complexity on the gateway's schema as the limits count it, for tests that count it otherwise. */
    public static long normalizedComplexity(String document, Map<String, Object> variables) throws Exception {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(GatewaySchema.definitions());
        return DocumentLimitsInstrumentation.complexity(ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperationWithRawVariables(schema, Parser.parse(document), null,
                        RawVariables.of(variables)), schema);
    }

    private static QueryLimits limits(int depth, int complexity, int aliases, int rootFields) {
        return new QueryLimits(depth, complexity, 15_000, aliases, rootFields, DataSize.ofMegabytes(1));
    }

    private static Map<String, Object> refusal(QueryLimits limits, String query, Map<String, Object> variables) {
        return refusal(SCHEMA, limits, query, variables);
    }

    private static Map<String, Object> refusal(String schema, QueryLimits limits, String query,
                                               Map<String, Object> variables) {
        var errors = errorsOf(schema, limits, query, variables);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("BAD_REQUEST");
        return errors.get(0).getExtensions();
    }

    private static java.util.List<GraphQLError> errorsOf(QueryLimits limits, String query, Map<String, Object> variables) {
        return errorsOf(SCHEMA, limits, query, variables);
    }

    private static java.util.List<GraphQLError> errorsOf(String schema, QueryLimits limits, String query,
                                                         Map<String, Object> variables) {
        GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schema),
                        RuntimeWiring.newRuntimeWiring().build()))
                .instrumentation(new DocumentLimitsInstrumentation(limits))
                .build();
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
        return result.getErrors();
    }
}
