package com.crashanalytics.persistence.analytics;

import static com.crashanalytics.persistence.common.SqlValues.decimal;
import static com.crashanalytics.persistence.common.SqlValues.instant;

import java.util.List;

import com.crashanalytics.domain.analytics.timeseries.TimeBucket;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesBucket;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesFilter;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesGroup;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesQuery;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesReadModel;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rounds summed per series and UTC bucket. Buckets of an hour or more add up {@code round_totals_hourly} (kept by
 * trigger in the writing transaction, crash multipliers read included since changeset 0510) for the whole hours of
 * the window and the rounds themselves for the partial hours at its edges, so a week of hourly points reads a few
 * thousand rows whatever the number of rounds. Minutes are read from {@code crash_game_rounds} over the window's
 * range of the start-time index. The cumulative P/L is a window function over each series' buckets.
 */
public class JdbcTimeSeriesReadModel implements TimeSeriesReadModel {

    /**
     * Per (series, bucket) over rows with series, bucket_start, rounds, wins, losses, stake, pl, and the crash
     * multipliers read: how many (crashes), their sum, lowest and highest.
     */
    private static final String BUCKETS = """
            SELECT series, bucket_start,
                   sum(rounds) AS rounds, sum(wins) AS wins, sum(losses) AS losses,
                   coalesce(sum(stake), 0) AS total_staked,
                   coalesce(sum(pl), 0) AS profit_loss,
                   sum(coalesce(sum(pl), 0)) OVER (PARTITION BY series ORDER BY bucket_start) AS cumulative_profit_loss,
                   coalesce(sum(crash_sum), 0) AS crash_sum,
                   coalesce(sum(crashes), 0) AS crash_count,
                   min(crash_low) AS crash_low,
                   max(crash_high) AS crash_high
            FROM ({rows}) AS series_rows
            GROUP BY series, bucket_start
            ORDER BY bucket_start, series COLLATE "C"
            LIMIT :limit
            """;

    /** A round as one row of {@link #BUCKETS}. */
    private static final String ROUNDS = """
            SELECT {series} AS series, date_trunc('{unit}', round_start_timestamp, 'UTC') AS bucket_start, 1 AS rounds,
                   (round_outcome = 'WIN')::int AS wins, (round_outcome = 'LOSS')::int AS losses,
                   stake_value AS stake, profit_loss_amount AS pl,
                   (crash_multiplier_detected IS NOT NULL)::int AS crashes, crash_multiplier_detected AS crash_sum,
                   crash_multiplier_detected AS crash_low, crash_multiplier_detected AS crash_high
            FROM crash_game_rounds
            WHERE {where}""";

    /** An hour of {@code round_totals_hourly} as one row of {@link #BUCKETS}. */
    private static final String HOURS = """
            SELECT {series} AS series, date_trunc('{unit}', hour, 'UTC') AS bucket_start, rounds, wins, losses,
                   total_staked AS stake, total_profit_loss AS pl,
                   crashes_read AS crashes, crash_sum, lowest_crash AS crash_low, highest_crash AS crash_high
            FROM round_totals_hourly
            WHERE {where}""";

    private final JdbcClient jdbc;

    public JdbcTimeSeriesReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimeSeriesBucket> buckets(TimeSeriesQuery query, int limit) {
        String series = seriesExpression(query.groupBy());
        String unit = query.bucket().sqlUnit();
        SqlConditions where = filters(query.filter());
        String rows;
        if (query.bucket() == TimeBucket.MINUTE) {
            rows = SqlTemplate.sql(ROUNDS).with("series", series).with("unit", unit)
                    .with("where", where.window("round_start_timestamp", "window", query.window()).sql()).text();
        } else {
            // hours nest in days, weeks and months (all UTC), so whole hours add up to any bucket exactly
            rows = String.join(" UNION ALL ", where.wholeHoursAndEdges(query.window(),
                    hours -> SqlTemplate.sql(HOURS).with("series", series).with("unit", unit).with("where", hours).text(),
                    times -> SqlTemplate.sql(ROUNDS).with("series", series).with("unit", unit).with("where", times)
                            .text()));
        }
        return where.bind(jdbc.sql(SqlTemplate.sql(BUCKETS).with("rows", rows).text())).param("limit", limit)
                .query((rs, row) -> new TimeSeriesBucket(instant(rs, "bucket_start"), rs.getString("series"),
                        rs.getLong("rounds"), rs.getLong("wins"), rs.getLong("losses"),
                        RoundTotalsSql.required(rs, "total_staked"), RoundTotalsSql.required(rs, "profit_loss"),
                        RoundTotalsSql.required(rs, "cumulative_profit_loss"), RoundTotalsSql.required(rs, "crash_sum"),
                        rs.getLong("crash_count"), decimal(rs, "crash_low"), decimal(rs, "crash_high")))
                .list();
    }

    /** The filter as conditions on columns both {@code crash_game_rounds} and {@code round_totals_hourly} have. */
    private static SqlConditions filters(TimeSeriesFilter filter) {
        return new SqlConditions()
                .equal("game_name", "game", filter.game())
                .equal("platform_code", "platform", filter.platform())
                .tradeTypes(filter.tradeTypes())
                .anyOf("bot_id", "bots", filter.botIds())
                .anyOf("strategy_name", "strategies", filter.strategyNames())
                .platformCurrency(filter.currency());
    }

    /**
     * The SQL that names a row's series, for either table; fixed text only, never a value from the request. A round
     * without a strategy has NULL, its hourly totals '' (the rollup's key is NOT NULL).
     */
    private static String seriesExpression(TimeSeriesGroup group) {
        return switch (group) {
            case FLEET -> SqlTemplate.sql("'{fleet}'::text").with("fleet", TimeSeriesGroup.FLEET_SERIES).text();
            case BOT -> "bot_id";
            case STRATEGY -> SqlTemplate.sql("coalesce(nullif(strategy_name, ''), '{none}')")
                    .with("none", TimeSeriesGroup.NO_STRATEGY).text();
            case GAME_PLATFORM -> "game_name || '@' || platform_code";
        };
    }
}
