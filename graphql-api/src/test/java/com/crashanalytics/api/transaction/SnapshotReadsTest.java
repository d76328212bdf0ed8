package com.crashanalytics.api.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.api.transaction.SnapshotReads.Kind;
import com.crashanalytics.api.transaction.SnapshotReads.OperationKinds;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import org.junit.jupiter.api.Test;

/**
 * Which operations SnapshotReads runs in a read-only snapshot (queries only, decided once per document), and which of
 * those may be answered from the read replica (a dashboard's, except {@code resume}).
 */
class SnapshotReadsTest {

    static final String LOG_ROUND = "mutation($input: LogRoundInput!) { logRound(input: $input) { duplicate } }";
    static final String BOTH = "query Panels { bots { totalCount } } mutation Log { logRound(input: {}) { duplicate } }";

    private final OperationKinds kinds = new OperationKinds(10);

    @Test
    void queriesAndOnlyQueriesRunInASnapshot() {
        assertThat(kinds.isQuery("{ bots { totalCount } }", null)).as("the query shorthand").isTrue();
        assertThat(kinds.isQuery("query Q { bots { totalCount } }", null)).isTrue();
        assertThat(kinds.isQuery(LOG_ROUND, null)).isFalse();
        assertThat(kinds.isQuery("subscription { rounds { id } }", null)).isFalse();
    }

    @Test
    void theNamedOperationDecidesAndAnUnknownNameOrAnUnparsableDocumentIsNoQuery() {
        assertThat(kinds.isQuery(BOTH, "Panels")).isTrue();
        assertThat(kinds.isQuery(BOTH, "Log")).isFalse();
        assertThat(kinds.isQuery(BOTH, null)).as("the first operation").isTrue();
        assertThat(kinds.isQuery(BOTH, "Other")).isFalse();
        assertThat(kinds.isQuery("{ bots { ", null)).isFalse();
    }

    @Test
    void resumeIsAQueryOfTheLatestHoweverItIsAskedFor() {
        assertThat(kinds.kindOf("{ bots { totalCount } }", null)).isEqualTo(Kind.QUERY);
        assertThat(kinds.kindOf("query R { resume(botId: \"b\") { nextRoundNumber } }", null))
                .isEqualTo(Kind.QUERY_OF_THE_LATEST);
        assertThat(kinds.kindOf("{ bots { totalCount } again: resume(botId: \"b\") { balance } }", null))
                .as("beside another root field, under an alias").isEqualTo(Kind.QUERY_OF_THE_LATEST);
        assertThat(kinds.kindOf("{ ... on Query { resume(botId: \"b\") { balance } } }", null))
                .as("in an inline fragment").isEqualTo(Kind.QUERY_OF_THE_LATEST);
        assertThat(kinds.kindOf("query { ...Where } fragment Where on Query { ...Again } fragment Again on Query {"
                + " resume(botId: \"b\") { balance } ...Where }", null))
                .as("in a named fragment, through a cycle graphql-java refuses later").isEqualTo(Kind.QUERY_OF_THE_LATEST);
        assertThat(kinds.kindOf("{ bot(botId: \"b\") { resume: botId } }", null))
                .as("a nested field named so").isEqualTo(Kind.QUERY);
    }

    @Test
    void aQueryOfMetaFieldsOnlyReadsNoDataAndOneDataFieldAnywhereAtTheRootMakesItAQuery() {
        assertThat(kinds.kindOf("{ __typename }", null)).isEqualTo(Kind.NO_DATA);
        assertThat(kinds.kindOf("query Alive { alive: __typename }", null)).as("under an alias").isEqualTo(Kind.NO_DATA);
        assertThat(kinds.kindOf("{ __schema { queryType { name } } __type(name: \"Bot\") { fields { name } } }", null))
                .as("introspection").isEqualTo(Kind.NO_DATA);
        assertThat(kinds.kindOf("{ ... on Query { __typename } ...Meta } fragment Meta on Query { __schema { types { name } } }",
                null)).as("through fragments").isEqualTo(Kind.NO_DATA);

        assertThat(kinds.kindOf("{ __typename bots { totalCount } }", null)).isEqualTo(Kind.QUERY);
        assertThat(kinds.kindOf("{ __typename ... on Query { bot(botId: \"b\") { __typename } } }", null))
                .as("a data field in an inline fragment").isEqualTo(Kind.QUERY);
        assertThat(kinds.kindOf("{ __typename ...Data } fragment Data on Query { bots { totalCount } }", null))
                .as("a data field in a named fragment").isEqualTo(Kind.QUERY);
        assertThat(kinds.kindOf("{ __typename bots @skip(if: true) { totalCount } }", null))
                .as("a skipped data field still counts: decided before the variables").isEqualTo(Kind.QUERY);
        assertThat(kinds.kindOf("mutation { __typename }", null)).as("a mutation stays its own").isEqualTo(Kind.NOT_A_QUERY);
    }

    @Test
    void onlyADashboardsQueriesMayLagAndNeverResume() {
        assertThat(SnapshotReads.mayLag(Kind.QUERY, Optional.of(key(ApiKeyRole.DASHBOARD)))).isTrue();
        assertThat(SnapshotReads.mayLag(Kind.QUERY_OF_THE_LATEST, Optional.of(key(ApiKeyRole.DASHBOARD)))).isFalse();
        for (ApiKeyRole role : List.of(ApiKeyRole.ADMIN, ApiKeyRole.BOT, ApiKeyRole.PREDICTOR, ApiKeyRole.METRICS)) {
            assertThat(SnapshotReads.mayLag(Kind.QUERY, Optional.of(key(role)))).as(role.name()).isFalse();
        }
        assertThat(SnapshotReads.mayLag(Kind.QUERY, Optional.empty())).as("no caller").isFalse();
    }

    private static ApiKey key(ApiKeyRole role) {
        return new ApiKey(UUID.randomUUID(), "test", role, "cag_abcdefgh", role == ApiKeyRole.BOT ? List.of("b") : List.of(),
                Instant.EPOCH, null, null);
    }

    @Test
    void aDocumentSentAgainIsDecidedFromWhatWasKept() {
        for (int round = 0; round < 100; round++) {
            assertThat(kinds.isQuery(LOG_ROUND, null)).isFalse();
        }
        assertThat(kinds.isQuery(BOTH, "Panels")).isTrue();
        assertThat(kinds.isQuery(BOTH, "Log")).isFalse();

        assertThat(kinds.size()).as("one entry per document and operation name").isEqualTo(3);
    }

    @Test
    void documentsBeyondTheCapacityMakeRoom() {
        for (int i = 0; i < 25; i++) {
            assertThat(kinds.isQuery("{ bot(botId: \"b" + i + "\") { botId } }", null)).isTrue();
        }
        assertThat(kinds.size()).isEqualTo(10);
    }
}
