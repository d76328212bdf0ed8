package com.crashanalytics.domain.analytics.multipliers;

import com.crashanalytics.domain.common.Violations;

/**
 * The {@code last} latest rounds of a gaps query's scope that reached its threshold. Self-validating: {@code last} is
 * between 1 and {@value BigMultiplierHit#MAX_COUNT}.
 */
public record RecentHitsQuery(BigMultiplierGapsQuery scope, int last) {

    public RecentHitsQuery {
        new Violations().check(last >= 1 && last <= BigMultiplierHit.MAX_COUNT, "last", "RANGE",
                "must be between 1 and " + BigMultiplierHit.MAX_COUNT + " (got " + last + ")").throwIfAny();
    }
}
