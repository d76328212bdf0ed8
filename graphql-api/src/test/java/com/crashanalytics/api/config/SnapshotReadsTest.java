package com.crashanalytics.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.crashanalytics.api.config.SnapshotReads.OperationKinds;
import org.junit.jupiter.api.Test;

/** Which operations SnapshotReads runs in a read-only snapshot: queries only, decided once per document. */
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
