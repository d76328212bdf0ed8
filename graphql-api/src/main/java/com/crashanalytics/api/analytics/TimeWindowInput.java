package com.crashanalytics.api.analytics;

import java.time.Instant;

import com.crashanalytics.domain.analytics.TimeWindow;
import org.jspecify.annotations.Nullable;

/** The {@code TimeWindow} input; validated as the domain's {@link TimeWindow}. */
public record TimeWindowInput(@Nullable Instant from, @Nullable Instant to) {

    public static TimeWindow toWindow(@Nullable TimeWindowInput input) {
        return input == null ? TimeWindow.ALL : new TimeWindow(input.from(), input.to());
    }
}
