package com.crashanalytics.domain.prediction;

import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * Which predictions to list; every criterion optional, all given must hold.
 *
 * @param from predictions made at or after this instant
 * @param to   predictions made before it
 */
public record PredictionFilter(
        @Nullable String modelName,
        @Nullable String modelVersion,
        @Nullable String gameName,
        @Nullable String platformCode,
        @Nullable PredictionKind kind,
        @Nullable PredictionStatus status,
        @Nullable Instant from,
        @Nullable Instant to) implements ListFilter {

    /** Every prediction. */
    public static final PredictionFilter ALL = new PredictionFilter(null, null, null, null, null, null, null, null);

    @Override
    public List<Violation> violations() {
        Violations violations = new Violations();
        ListFilter.identifierIfGiven(violations, "modelName", modelName, 100);
        ListFilter.identifierIfGiven(violations, "modelVersion", modelVersion, 50);
        ListFilter.codeIfGiven(violations, "gameName", gameName, 50);
        ListFilter.codeIfGiven(violations, "platformCode", platformCode, 50);
        return ListFilter.checkWindow(violations, from, to).list();
    }
}
