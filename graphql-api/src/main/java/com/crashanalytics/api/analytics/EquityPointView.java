package com.crashanalytics.api.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import org.jspecify.annotations.Nullable;

/** The {@code EquityPoint} type. */
record EquityPointView(
        Instant periodStart,
        Instant periodEnd,
        long rounds,
        long wins,
        long losses,
        BigDecimal totalStaked,
        BigDecimal profitLoss,
        BigDecimal cumulativeProfitLoss,
        @Nullable BigDecimal closingBalance,
        @Nullable BigDecimal roiPercent,
        @Nullable BigDecimal winRate) {

    static EquityPointView of(PeriodSummary summary) {
        return new EquityPointView(summary.periodStart(), summary.periodEnd(), summary.totals().rounds(),
                summary.totals().wins(), summary.totals().losses(), summary.totals().totalStaked(),
                summary.totals().totalProfitLoss(), summary.cumulativeProfitLoss(), summary.closingBalance(),
                summary.totals().roiPercent(), summary.totals().winRate());
    }

    /** A loaded curve's points; none for a subject the read model left out (no rounds). */
    static List<EquityPointView> curve(@Nullable List<PeriodSummary> curve) {
        return curve == null ? List.of() : curve.stream().map(EquityPointView::of).toList();
    }
}
