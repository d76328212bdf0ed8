package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;

/**
 * One percentile of the observed crash multipliers.
 *
 * @param fraction which one (0.5: the median)
 * @param value    {@code percentile_cont(fraction)} of the multipliers, to 6 decimals
 */
public record Percentile(BigDecimal fraction, BigDecimal value) {
}
