package com.crashanalytics.domain.analytics.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A series grouped into periods: P/L, rounds and closing balance per hour, day, week or month. Only periods with at
 * least one round are listed (as {@code GROUP BY date_trunc(…)} lists them), in time order. The cumulative P/L is
 * {@code sum(sum(profit_loss_amount)) OVER (ORDER BY period)}; the closing balance is
 * {@code (array_agg(running_balance_after ORDER BY round_start_timestamp DESC, id DESC)
 * FILTER (WHERE running_balance_after IS NOT NULL))[1]}.
 */
public final class PeriodBreakdown {

    private PeriodBreakdown() {
    }

    public static List<PeriodSummary> of(RoundSeries series, Period period) {
        List<PeriodSummary> summaries = new ArrayList<>();
        Instant currentStart = null;
        RoundTotals totals = RoundTotals.NONE;
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal closingBalance = null;
        for (RoundResult round : series.rounds()) {
            Instant start = period.startOf(round.startedAt());
            if (currentStart != null && !start.equals(currentStart)) {
                summaries.add(summary(period, currentStart, totals, cumulative, closingBalance));
                totals = RoundTotals.NONE;
                closingBalance = null;
            }
            currentStart = start;
            totals = totals.with(round);
            cumulative = cumulative.add(round.profitLoss());
            if (round.balanceAfter() != null) {
                closingBalance = round.balanceAfter();
            }
        }
        if (currentStart != null) {
            summaries.add(summary(period, currentStart, totals, cumulative, closingBalance));
        }
        return List.copyOf(summaries);
    }

    private static PeriodSummary summary(Period period, Instant start, RoundTotals totals, BigDecimal cumulative,
                                         @Nullable BigDecimal closingBalance) {
        return new PeriodSummary(start, period.after(start), totals, cumulative, closingBalance);
    }
}
