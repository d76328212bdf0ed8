package com.crashanalytics.persistence.round;

import static org.assertj.core.api.Assertions.assertThat;

import com.crashanalytics.persistence.common.Batches;
import org.junit.jupiter.api.Test;

/**
 * The inserts of a batch of logged rounds are the kind {@link Batches} sends as a COPY when they are many: a value
 * computed in SQL added to one of them would quietly send its rows the slower way.
 */
class RoundInsertsTest {

    @Test
    void theRowsOfRoundsWrittenTogetherGoAsCopies() {
        assertThat(Batches.copies(RoundRows.INSERT_ROUND)).as("rounds").isTrue();
        assertThat(Batches.copies(OutcomeRows.INSERT_OUTCOME)).as("outcomes").isTrue();
        assertThat(Batches.copies(SampleRows.INSERT_WITH_ROUND_START)).as("samples").isTrue();
        assertThat(Batches.copies(SignalRows.INSERT_WITH_ROUND_START)).as("signals").isTrue();
    }

    @Test
    void rowsOfRoundsStoredEarlierLookTheirRoundsStartUpSoStayInserts() {
        assertThat(Batches.copies(SampleRows.INSERT_LOOKING_UP_ROUND_START)).isFalse();
        assertThat(Batches.copies(SignalRows.INSERT_LOOKING_UP_ROUND_START)).isFalse();
    }
}
