package com.crashanalytics.domain.lifecycle;

import java.time.Instant;
import java.util.Map;

/** Outbound port: the rows retention removes. Each call runs in the caller's transaction. */
public interface RetentionStore {

    /** Rows of each of the kind's tables that are older than the cutoff (or belong to a round that is). */
    Map<String, Long> countOlderThan(RetainedData kind, Instant cutoff);

    /**
     * Settles the rollups that the rounds before the cutoff still feed (hours and sessions a late round left to be
     * recounted from their rounds), so that deleting those rounds leaves every all-time figure as it was.
     */
    void settleRollupsBefore(Instant cutoff);

    /**
     * Deletes up to {@code limit} of the kind's oldest rows before the cutoff (for rounds: that many rounds, with
     * their outcomes, samples and signals) and answers the rows deleted per table, the kind's first table included.
     */
    Map<String, Long> deleteBatchOlderThan(RetainedData kind, Instant cutoff, int limit);
}
