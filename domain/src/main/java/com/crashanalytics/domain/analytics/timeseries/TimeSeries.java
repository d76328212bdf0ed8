package com.crashanalytics.domain.analytics.timeseries;

import java.util.List;

import com.crashanalytics.domain.common.InvalidInputException;

/** Answers a {@link TimeSeriesQuery}: the buckets SQL summed, as rows, at most {@link TimeSeriesQuery#MAX_POINTS}. */
public final class TimeSeries {

    private TimeSeries() {
    }

    /** The query's rows by time, then series; BAD_REQUEST when there are more than the limit. */
    public static List<TimeSeriesPoint> of(TimeSeriesQuery query, TimeSeriesReadModel readModel) {
        List<TimeSeriesBucket> buckets = readModel.buckets(query, TimeSeriesQuery.MAX_POINTS + 1);
        if (buckets.size() > TimeSeriesQuery.MAX_POINTS) {
            throw InvalidInputException.of("groupBy", "TOO_MANY_POINTS", "the answer would hold more than "
                    + TimeSeriesQuery.MAX_POINTS + " rows (buckets × series): choose a longer bucket, a shorter"
                    + " window, fewer series (filter) or a coarser groupBy");
        }
        return buckets.stream().map(bucket -> TimeSeriesPoint.of(bucket, query)).toList();
    }
}
