package com.crashanalytics.domain.analytics;

import java.time.Instant;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The span of time an analytics query covers: rounds (signals, errors, OCR reads) whose time t satisfies
 * {@code from ≤ t < to}. Either end may be open (null). Half-open, so consecutive windows (a day, then the next) never
 * count a round twice. Self-validating under the argument name {@code window}.
 *
 * @param from the first instant in the window, inclusive; null: since the beginning
 * @param to   the first instant after the window, exclusive; null: up to now and beyond
 */
public record TimeWindow(@Nullable Instant from, @Nullable Instant to) {

    /** Every round ever logged. */
    public static final TimeWindow ALL = new TimeWindow(null, null);

    public TimeWindow {
        new Violations().check(from == null || to == null || from.isBefore(to), "window.to", "AFTER_FROM",
                "must be after window.from (" + from + "), got " + to).throwIfAny();
    }

    /** The window, or {@link #ALL} when none was given. */
    public static TimeWindow orAll(@Nullable TimeWindow window) {
        return window == null ? ALL : window;
    }

    public boolean contains(Instant time) {
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }
}
