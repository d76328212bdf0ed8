package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.util.List;

import com.crashanalytics.domain.analytics.timeseries.TimeSeriesBucket;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesFilter;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesGroup;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesQuery;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rounds summed per series and UTC bucket straight from {@code crash_game_rounds}: the window bounds the scan on the
 * start-time index, {@code date_trunc} makes the buckets (minutes are finer than the hourly rollup), and the
 * cumulative P/L is a window function over each series' buckets.
 */
public class JdbcTimeSeriesReadModel implements TimeSeriesReadModel {

    private static final String BUCKETS = """
            SELECT series, bucket_start,
                   count(*) AS rounds,
                   count(*) FILTER (WHERE round_outcome = 'WIN') AS wins,
                   count(*) FILTER (WHERE round_outcome = 'LOSS') AS losses,
                   coalesce(sum(stake_value), 0) AS total_staked,
                   coalesce(sum(profit_loss_amount), 0) AS profit_loss,
                   sum(coalesce(sum(profit_loss_amount), 0)) OVER (PARTITION BY series ORDER BY bucket_start)
                       AS cumulative_profit_loss,
                   coalesce(sum(crash_multiplier_detected), 0) AS crash_sum,
                   count(crash_multiplier_detected) AS crash_count,
                   min(crash_multiplier_detected) AS crash_low,
                   max(crash_multiplier_detected) AS crash_high
            FROM (SELECT %s AS series, date_trunc('%s', round_start_timestamp, 'UTC') AS bucket_start,
                         round_outcome, stake_value, profit_loss_amount, crash_multiplier_detected
                  FROM crash_game_rounds
                  WHERE %s) AS rounds
            GROUP BY series, bucket_start
            ORDER BY bucket_start, series COLLATE "C"
            LIMIT :limit
            """;

    private final JdbcClient jdbc;

    public JdbcTimeSeriesReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimeSeriesBucket> buckets(TimeSeriesQuery query, int limit) {
        TimeSeriesFilter filter = query.filter();
        WindowSql where = new WindowSql()
                .window("round_start_timestamp", query.window(), "window")
                .equal("game_name", filter.game(), "game")
                .equal("platform_code", filter.platform(), "platform");
        if (filter.botIds() != null) {
            where.anyOf("bot_id", filter.botIds().toArray(String[]::new), "bots");
        }
        if (filter.strategyNames() != null) {
            where.anyOf("strategy_name", filter.strategyNames().toArray(String[]::new), "strategies");
        }
        if (filter.currency() != null) {
            where.condition("(game_name, platform_code) IN (SELECT game_name, platform_code FROM game_platform_config"
                    + " WHERE currency = :currency)").parameter("currency", filter.currency());
        }
        String sql = BUCKETS.formatted(seriesExpression(query.groupBy()), query.bucket().sqlUnit(), where.where());
        return where.bind(jdbc.sql(sql)).param("limit", limit)
                .query((rs, row) -> new TimeSeriesBucket(instant(rs, "bucket_start"), rs.getString("series"),
                        rs.getLong("rounds"), rs.getLong("wins"), rs.getLong("losses"),
                        RoundTotalsSql.required(rs, "total_staked"), RoundTotalsSql.required(rs, "profit_loss"),
                        RoundTotalsSql.required(rs, "cumulative_profit_loss"), RoundTotalsSql.required(rs, "crash_sum"),
                        rs.getLong("crash_count"), decimal(rs, "crash_low"), decimal(rs, "crash_high")))
                .list();
    }

    /** The SQL that names a round's series; fixed text only, never a value from the request. */
    private static String seriesExpression(TimeSeriesGroup group) {
        return switch (group) {
            case FLEET -> "'" + TimeSeriesGroup.FLEET_SERIES + "'::text";
            case BOT -> "bot_id";
            case STRATEGY -> "coalesce(strategy_name, '" + TimeSeriesGroup.NO_STRATEGY + "')";
            case GAME_PLATFORM -> "game_name || '@' || platform_code";
        };
    }
}
