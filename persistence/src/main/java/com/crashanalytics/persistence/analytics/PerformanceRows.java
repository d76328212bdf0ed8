package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.crashanalytics.domain.analytics.performance.Drawdown;
import com.crashanalytics.domain.analytics.performance.EquityReturns;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.ReturnRatios;
import com.crashanalytics.domain.analytics.performance.RoundTotals;
import com.crashanalytics.domain.analytics.performance.Streaks;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@link PerformanceStatements#PERFORMANCE} (or of {@link PerformanceStatements#BOTS_ALL_TIME}, which has
 * its columns) read back as {@link PerformanceStats}, and the return sums of any totals row as {@link ReturnRatios}.
 */
final class PerformanceRows {

    private PerformanceRows() {
    }

    static ReturnRatios returns(ResultSet rs) throws SQLException {
        return ReturnRatios.fromSums(rs.getLong("bets"), RoundTotalsSql.required(rs, "sum_returns"),
                RoundTotalsSql.required(rs, "sum_squares"), RoundTotalsSql.required(rs, "sum_shortfalls"));
    }

    /** A row of {@link PerformanceStatements#PERFORMANCE}, its levels standing on {@code capital} (null: unknown). */
    static PerformanceStats stats(ResultSet rs, @Nullable BigDecimal capital, boolean withEquity)
            throws SQLException {
        RoundTotals totals = RoundTotalsSql.map(rs);
        ReturnRatios returns = returns(rs);
        BigDecimal currentPeak = RoundTotalsSql.required(rs, "current_peak");
        BigDecimal base = level(capital, currentPeak);
        BigDecimal maxFall = RoundTotalsSql.required(rs, "max_fall");
        Drawdown max = maxFall.signum() == 0 ? Drawdown.none(base)
                : Drawdown.of(maxFall, level(capital, RoundTotalsSql.required(rs, "max_fall_peak")),
                        instant(rs, "max_fall_peak_at"), instant(rs, "max_fall_at"));
        BigDecimal currentFall = RoundTotalsSql.required(rs, "current_fall");
        Drawdown current = currentFall.signum() == 0 ? Drawdown.none(base)
                : Drawdown.of(currentFall, base, instant(rs, "current_peak_at"), instant(rs, "last_at"));
        return new PerformanceStats(totals, returns,
                new Streaks(rs.getInt("longest_win"), rs.getInt("longest_loss")),
                capital, max, current, instant(rs, "first_at"), instant(rs, "last_at"),
                withEquity ? EquityReturnsSql.map(rs) : EquityReturns.NONE);
    }

    /** A level of the equity curve in money: C + a cumulative P/L; null when C is unknown. */
    private static @Nullable BigDecimal level(@Nullable BigDecimal capital, BigDecimal cumulative) {
        return capital == null ? null : capital.add(cumulative);
    }
}
