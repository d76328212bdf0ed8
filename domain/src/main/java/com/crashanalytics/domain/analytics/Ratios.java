package com.crashanalytics.domain.analytics;

/**
 * How analytics divides exact figures: {@link com.crashanalytics.domain.common.Ratios}, under the name the analytics
 * code has always used. The rules moved to {@code common} so that the session's running totals, which analytics
 * cannot be imported by (analytics depends on the session through the round area), round exactly alike: every
 * constant and method here is inherited from there (fractions to 6 decimals, percentages to 4, money averages to 8,
 * {@code HALF_UP} once per quotient, null for a zero divisor).
 */
public final class Ratios extends com.crashanalytics.domain.common.Ratios {

    private Ratios() {
    }
}
