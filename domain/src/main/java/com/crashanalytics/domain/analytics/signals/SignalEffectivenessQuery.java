package com.crashanalytics.domain.analytics.signals;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import org.jspecify.annotations.Nullable;

/**
 * How well the signals of one type (every type when null) predicted their rounds over a window, calibrated in
 * {@code buckets} confidence buckets. Self-validating: the bucket count is in range (field {@code buckets}).
 *
 * @param tradeTypes the signals of LIVE bots, of PAPER bots, or of both
 */
public record SignalEffectivenessQuery(@Nullable String signalType, TimeWindow window, int buckets,
                                       TradeTypeFilter tradeTypes) {

    public SignalEffectivenessQuery {
        SignalEffectiveness.validateBucketCount(buckets);
    }
}
