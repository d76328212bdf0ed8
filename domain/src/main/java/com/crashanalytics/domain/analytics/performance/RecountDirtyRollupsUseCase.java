package com.crashanalytics.domain.analytics.performance;

import java.time.Instant;

/** Inbound port: recounts the dirty rollups whose rounds have settled, so readers stop folding their rounds. */
public interface RecountDirtyRollupsUseCase {

    Recount recountSettled(Instant now);

    /**
     * What one pass did.
     *
     * @param ran        this replica held the job's lock for the pass (false: another replica was recounting)
     * @param recounted  how many dirty hours and sessions it recounted
     */
    record Recount(boolean ran, int recounted) {
    }
}
