package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One bucket of an equity curve broken down by {@link Period}: a point of the "profit per day" chart.
 *
 * @param periodStart          the start of the period (UTC), inclusive
 * @param periodEnd            the start of the next period, exclusive
 * @param totals               the rounds that started in the period: counts, staked, P/L and their ratios
 * @param cumulativeProfitLoss Σ P/L from the first round of the series to the last round of this period
 * @param closingBalance       the {@code balanceAfter} of the period's last round that reported one; null when no
 *                             round of the period did. Meaningful for one bot (for several, it is whichever bot
 *                             reported last)
 */
public record PeriodSummary(
        Instant periodStart,
        Instant periodEnd,
        RoundTotals totals,
        BigDecimal cumulativeProfitLoss,
        @Nullable BigDecimal closingBalance) {
}
