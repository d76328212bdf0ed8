package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.decimal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.crashanalytics.domain.analytics.performance.RoundTotals;

/**
 * The aggregates behind {@link RoundTotals}, as SQL select items over rows with {@code outcome}, {@code stake} and
 * {@code pl} columns, and the mapping back. The ratios (win rate, ROI, …) are the domain's: SQL only sums and counts.
 */
final class RoundTotalsSql {

    static final String AGGREGATES = """
            count(*) AS rounds,
            count(*) FILTER (WHERE outcome = 'WIN') AS wins,
            count(*) FILTER (WHERE outcome = 'LOSS') AS losses,
            count(*) FILTER (WHERE outcome = 'SKIP') AS skips,
            count(*) FILTER (WHERE outcome = 'ERROR') AS errors,
            coalesce(sum(stake), 0) AS total_staked,
            coalesce(sum(pl), 0) AS total_profit_loss,
            coalesce(sum(pl) FILTER (WHERE outcome = 'WIN'), 0) AS gross_win,
            coalesce(-sum(pl) FILTER (WHERE outcome = 'LOSS'), 0) AS gross_loss,
            max(pl) FILTER (WHERE outcome = 'WIN') AS largest_win,
            max(-pl) FILTER (WHERE outcome = 'LOSS') AS largest_loss
            """;

    private RoundTotalsSql() {
    }

    static RoundTotals map(ResultSet rs) throws SQLException {
        return new RoundTotals(
                rs.getLong("rounds"),
                rs.getLong("wins"),
                rs.getLong("losses"),
                rs.getLong("skips"),
                rs.getLong("errors"),
                required(rs, "total_staked"),
                required(rs, "total_profit_loss"),
                required(rs, "gross_win"),
                required(rs, "gross_loss"),
                decimal(rs, "largest_win"),
                decimal(rs, "largest_loss"));
    }

    static BigDecimal required(ResultSet rs, String column) throws SQLException {
        BigDecimal value = decimal(rs, column);
        if (value == null) {
            throw new IllegalStateException(column + " is never null");
        }
        return value;
    }
}
