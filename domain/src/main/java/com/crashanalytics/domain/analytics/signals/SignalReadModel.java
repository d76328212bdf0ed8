package com.crashanalytics.domain.analytics.signals;

import java.util.Map;
import java.util.SortedMap;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import org.jspecify.annotations.Nullable;

/**
 * Signals scored where they are stored (outbound port of the read path). Only signals whose round is over count
 * ({@code signal_correctness} known); pending signals and signals of rounds without a crash multiplier do not.
 */
public interface SignalReadModel {

    /**
     * Per signal type (code-point order) and confidence bucket {@code least(floor(confidence · k), k − 1)}: the
     * {@link SignalScore} of the signals emitted in the window. Only types and buckets with signals appear.
     *
     * @param signalType one type; null: every type
     */
    default Map<String, SortedMap<Integer, SignalScore>> scores(@Nullable String signalType, TimeWindow window,
                                                                int bucketCount) {
        return scores(signalType, window, bucketCount, TradeTypeFilter.ANY);
    }

    /** {@link #scores(String, TimeWindow, int)} of the signals of the bots {@code tradeTypes} selects. */
    Map<String, SortedMap<Integer, SignalScore>> scores(@Nullable String signalType, TimeWindow window, int bucketCount,
                                                        TradeTypeFilter tradeTypes);
}
