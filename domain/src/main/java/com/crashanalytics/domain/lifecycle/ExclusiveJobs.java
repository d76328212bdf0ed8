package com.crashanalytics.domain.lifecycle;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Outbound port: work that must not run twice at once across every gateway replica (a lock the database holds, so
 * it is shared by replicas and released if the holder dies).
 */
public interface ExclusiveJobs {

    /** Runs the work unless a job of that name is running anywhere; empty if it was, without waiting. */
    <T> Optional<T> runAlone(String job, Supplier<T> work);
}
