package com.crashanalytics.persistence.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.replay.LiveRoundSink;
import com.crashanalytics.domain.analytics.replay.ReachedTargets;
import com.crashanalytics.domain.analytics.replay.StrategyReplayReadModel;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash points a replay plays, from {@code game_round_crashes} (one row per game round, in the order of its
 * index on game, platform and start time, which includes the crash multiplier: an index-only scan) and answered as one
 * string of reached/not-reached digits rather than a row per crash point, and the rounds filed under the live strategy,
 * streamed in the order they were played.
 */
public class JdbcStrategyReplayReadModel implements StrategyReplayReadModel {

    /** Rows per round trip of the live walk: large enough to keep round trips few, small enough to stay light. */
    private static final int LIVE_ROUNDS_PER_FETCH = 5_000;

    private final JdbcClient jdbc;

    public JdbcStrategyReplayReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReachedTargets reachedTargets(String game, String platform, TimeWindow window, BigDecimal target,
                                         int limit) {
        SqlConditions where = inOrder(game, platform, window).parameter("target", target).parameter("limit", limit);
        // One row: a '1' or '0' per crash point, compared in SQL's exact numeric (what the replay needs of a crash
        // point), aggregated in the index's order. The aggregate orders by start time and round only: with the game
        // and platform in its ORDER BY too, PostgreSQL sorted the index's already ordered output again (in temp files).
        String digits = where.bind(jdbc.sql(SqlTemplate.sql("""
                        SELECT coalesce(string_agg(CASE WHEN crash_multiplier >= :target THEN '1' ELSE '0' END, ''
                                                   ORDER BY round_start_timestamp, round_id), '')
                        FROM (SELECT round_start_timestamp, round_id, crash_multiplier
                              FROM game_round_crashes WHERE {where}
                              ORDER BY game_name, platform_code, round_start_timestamp, round_id
                              LIMIT :limit) AS points
                        """).with("where", where.sql()).text()))
                .query(String.class)
                .single();
        return ReachedTargets.ofDigits(digits);
    }

    @Override
    public Instant startOfCrashPoint(String game, String platform, TimeWindow window, int position) {
        SqlConditions where = inOrder(game, platform, window).parameter("position", position);
        return where.bind(jdbc.sql(SqlTemplate.sql("""
                        SELECT round_start_timestamp FROM game_round_crashes WHERE {where}
                        ORDER BY game_name, platform_code, round_start_timestamp, round_id
                        OFFSET :position LIMIT 1
                        """).with("where", where.sql()).text()))
                .query((rs, row) -> SqlValues.instant(rs, "round_start_timestamp"))
                .single();
    }

    private static SqlConditions inOrder(String game, String platform, TimeWindow window) {
        return new SqlConditions().equal("game_name", "game", game).equal("platform_code", "platform", platform)
                .window("round_start_timestamp", "window", window);
    }

    @Override
    public void walkLiveRounds(String strategy, String game, String platform, TimeWindow window,
                               TradeTypeFilter tradeTypes, LiveRoundSink sink) {
        SqlConditions where = new SqlConditions().equal("strategy_name", "strategy", strategy)
                .equal("game_name", "game", game).equal("platform_code", "platform", platform)
                .window("round_start_timestamp", "window", window)
                .tradeTypes(tradeTypes);
        // One ordered read of the covering index on (strategy, game, platform, start time, id), changeset 0413: no
        // sort, no window pass; rows arrive a fetch at a time (the query's snapshot transaction lets the driver use a
        // cursor) and go straight into the domain's fold, so no list of the strategy's rounds is ever held.
        where.bind(jdbc.sql(SqlTemplate.sql("""
                        SELECT round_start_timestamp, bot_id, session_id, profit_loss_amount, running_balance_after
                        FROM crash_game_rounds WHERE {where}
                        ORDER BY round_start_timestamp, id
                        """).with("where", where.sql()).text()))
                .withFetchSize(LIVE_ROUNDS_PER_FETCH)
                .query((RowCallbackHandler) rs -> sink.accept(
                        rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)));
    }
}
