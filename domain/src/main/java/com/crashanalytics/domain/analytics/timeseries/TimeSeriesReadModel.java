package com.crashanalytics.domain.analytics.timeseries;

import java.util.List;

/** Rounds summed per series and UTC bucket where they are stored (outbound port of the read path). */
public interface TimeSeriesReadModel {

    /**
     * The buckets of the query's window in which each series has rounds, by bucket start, then series name (in
     * code-point order); at most {@code limit} of them.
     */
    List<TimeSeriesBucket> buckets(TimeSeriesQuery query, int limit);
}
