package com.crashanalytics.domain.analytics.multipliers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * P(crash ≥ x), observed next to theoretical: how often a cash-out target of x would have been reached.
 *
 * @param multiplier  x
 * @param observed    #{crash ≥ x} / n, a fraction to 6 decimals; null when n = 0
 * @param theoretical RTP / x (1 for x = 1: every round reaches 1.00x)
 */
public record SurvivalPoint(BigDecimal multiplier, @Nullable BigDecimal observed, double theoretical) {
}
