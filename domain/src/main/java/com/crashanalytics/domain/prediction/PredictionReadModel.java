package com.crashanalytics.domain.prediction;

import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortOrder;
import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;
import org.jspecify.annotations.Nullable;

/** Outbound port (read model): predictions as dashboards browse and score them. */
public interface PredictionReadModel {

    /** By when they were made, then id. */
    SortOrder BY_MADE_AT = SortOrder.of("predictions-by-made-at", KeyPart.TIME, KeyPart.UUID);

    Page<Prediction> predictions(ListQuery<PredictionFilter> query);

    long count(PredictionFilter filter);

    /**
     * The model's predictions of the kind made in the window (of one version, when given), each with the RTP of its
     * platform (1 − house edge / 100).
     */
    List<PredictionPerformance.Scored> scored(String modelName, @Nullable String modelVersion, PredictionKind kind,
                                              TimeWindow window);
}
