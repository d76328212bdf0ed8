package com.crashanalytics.domain.lifecycle;

import java.util.Optional;

/** Inbound port: retention, on demand (ADMIN) and on a schedule. */
public interface CleanupOldRecordsUseCase {

    /**
     * Deletes what the retention policy no longer keeps, or with {@code dryRun} only counts it.
     *
     * @throws com.crashanalytics.domain.common.ConflictException when a clean-up is running already (anywhere)
     */
    CleanupReport cleanup(boolean dryRun);

    /** The scheduled run: the clean-up, unless another replica is running it (then empty, nothing done). */
    Optional<CleanupReport> cleanupUnlessRunningElsewhere();
}
