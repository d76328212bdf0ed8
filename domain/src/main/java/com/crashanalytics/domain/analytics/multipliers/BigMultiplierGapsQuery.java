package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;

import com.crashanalytics.domain.analytics.TimeWindow;

/**
 * The runs of rounds between crashes at or above {@code threshold} of a game on one platform, over a window.
 * Self-validating: the threshold is a multiplier above 1 (field {@code threshold}).
 */
public record BigMultiplierGapsQuery(String game, String platform, BigDecimal threshold, TimeWindow window) {

    public BigMultiplierGapsQuery {
        BigMultiplierGaps.validateThreshold(threshold);
    }
}
