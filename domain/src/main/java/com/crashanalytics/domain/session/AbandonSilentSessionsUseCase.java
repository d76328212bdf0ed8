package com.crashanalytics.domain.session;

import java.time.Instant;
import java.util.List;

/** Inbound port: ends the sessions whose bots went silent as ABANDONED, so dashboards do not show ghosts. */
public interface AbandonSilentSessionsUseCase {

    /** One sweep as of {@code now}; does nothing when another replica is sweeping. */
    Sweep sweep(Instant now);

    /**
     * What a sweep did.
     *
     * @param swept     false when another replica held the sweep's lock, so this one did nothing
     * @param abandoned the ids of the sessions it ended as ABANDONED
     */
    record Sweep(boolean swept, List<String> abandoned) {

        public static Sweep skipped() {
            return new Sweep(false, List.of());
        }
    }
}
