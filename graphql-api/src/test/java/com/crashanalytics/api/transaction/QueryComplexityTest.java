package com.crashanalytics.api.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.crashanalytics.api.read.DashboardQueryIT;
import com.crashanalytics.api.security.limits.DocumentLimitsInstrumentationTest;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A query's complexity counted from its document and variables, before it runs, as the document limits count it
 * during execution ({@code DocumentLimitsInstrumentationTest} works the same documents out against a schema).
 */
class QueryComplexityTest {

    @Test
    void pagedListsMultiplyWhatIsUnderThem() {
        // bots: 1 + 10 x (id 1 + sessions (1 + 5 x id 1)) = 1 + 10 x 7 = 71.
        assertThat(complexity("{ bots(first: 10) { id sessions(first: 5) { id } } }", Map.of())).isEqualTo(71);
    }

    @Test
    void pageSizesInVariablesCountAsMuchAsLiteralsAndAVariablesDefaultWhenItIsNotSent() {
        // rounds = 1 + 100 x 1 = 101; sessions = 1 + 100 x (1 + 101) = 10,201; bots = 1 + 100 x (1 + 10,201).
        String query = "query($n: Int) { bots(first: $n) { id sessions(first: $n) { id rounds(last: $n) { id } } } }";
        assertThat(complexity(query, Map.of("n", 100))).isEqualTo(1_020_201);

        String withDefault = "query($n: Int = 10) { bots(first: $n) { id } }";
        assertThat(complexity(withDefault, Map.of())).as("the default, 10: 1 + 10 x 1").isEqualTo(11);
        assertThat(complexity(withDefault, Map.of("n", 3))).as("the variable sent").isEqualTo(4);
        assertThat(complexity("query($n: Int) { bots(first: $n) { id } }", Map.of()))
                .as("no page size: the list counts once").isEqualTo(2);
        assertThat(complexity("query($n: Int) { bots(first: $n, last: 3) { id } }", Map.of("n", 0)))
                .as("first not positive: last counts, as in the limits: 1 + 3 x 1").isEqualTo(4);
    }

    @Test
    void underAConnectionOnlyTheEdgesCountOncePerRow() {
        // bots = 1 + totalCount 1 + pageInfo (1 + hasNextPage 1) + 10 x edges (1 + node (1 + id 1)) = 34.
        assertThat(complexity("{ bots(first: 10) { totalCount pageInfo { hasNextPage } edges { node { id } } } }",
                Map.of())).isEqualTo(34);
    }

    @Test
    void aPageOfAHundredRoundsIsFarBelowTheDefaultLargeQuery() {
        // rounds = 1 + 100 x edges (1 + node (1 + 5 fields)) = 701, against gateway.large-queries.complexity 5,000.
        assertThat(complexity("query($botId: ID!, $first: Int!) { rounds(first: $first, filter: {botId: $botId}) { "
                + "edges { node { roundNumber roundOutcome stakeValue crashMultiplier profitLoss } } } }",
                Map.of("botId", "bot-1", "first", 100))).isEqualTo(701);
    }

    @Test
    void theTenByTenByTwentyDashboardCountsWhatTheDocumentLimitsCount() throws Exception {
        // Worked out in DocumentLimitsInstrumentationTest.theTenByTenByTwentyDashboardIsWellWithinTheDefaultLimit.
        Map<String, Object> tenByTenByTwenty = Map.of("bots", 10, "sessions", 10, "rounds", 20);
        assertThat(complexity(DashboardQueryIT.DASHBOARD, tenByTenByTwenty)).isEqualTo(35_916L)
                .isEqualTo(DocumentLimitsInstrumentationTest.normalizedComplexity(DashboardQueryIT.DASHBOARD,
                        tenByTenByTwenty));
        Map<String, Object> twoByTwoByFive = Map.of("bots", 2, "sessions", 2, "rounds", 5);
        assertThat(complexity(DashboardQueryIT.DASHBOARD, twoByTwoByFive))
                .isEqualTo(DocumentLimitsInstrumentationTest.normalizedComplexity(DashboardQueryIT.DASHBOARD,
                        twoByTwoByFive))
                .isLessThan(5_000);
    }

    @Test
    void fragmentsCountAsOftenAsTheyAreSpreadAndOneInsideItselfEndsTheCount() {
        // F2 = 2 x F1 = 4 x F0; F0 selects bot { id }: 2 fields, so 8 in all.
        assertThat(complexity("{ ...F2 } fragment F2 on Query { ...F1 ...F1 } fragment F1 on Query { ...F0 ...F0 } "
                + "fragment F0 on Query { bot { id } }", Map.of())).isEqualTo(8);
        assertThat(complexity("{ bots(first: 2) { ...B } } fragment B on Bot { id ... on Bot { name } }", Map.of()))
                .as("named and inline fragments: 1 + 2 x 2").isEqualTo(5);
        assertThat(complexity("{ bot { ...Loop } } fragment Loop on Bot { id bot { ...Loop } }", Map.of()))
                .as("bot 1 + id 1 + the inner bot 1: the spread inside itself adds nothing").isEqualTo(3);
    }

    @Test
    void aDocumentWhoseFragmentsExpandPastAnyHonestQueryCountsAsTheLargestThereIs() {
        StringBuilder query = new StringBuilder("{ ...F0 }");
        for (int level = 0; level < 20; level++) { // 2^20 fields once expanded
            query.append(" fragment F").append(level).append(" on Query { ...F").append(level + 1)
                    .append(" ...F").append(level + 1).append(" }");
        }
        query.append(" fragment F20 on Query { bot { id } }");

        assertThat(complexity(query.toString(), Map.of())).isEqualTo(Long.MAX_VALUE);
        assertThat(complexity("query($n: Int) { a: bots(first: $n) { sessions(first: $n) { id } } }",
                Map.of("n", Long.MAX_VALUE / 2))).as("past a long").isEqualTo(Long.MAX_VALUE);
    }

    private static long complexity(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        return QueryComplexity.of(document, operation).given(variables);
    }
}
