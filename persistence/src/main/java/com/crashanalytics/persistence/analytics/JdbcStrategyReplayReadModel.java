package com.crashanalytics.persistence.analytics;

import java.math.BigDecimal;
import java.util.function.Consumer;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.replay.LiveBots;
import com.crashanalytics.domain.analytics.replay.RecordedCrash;
import com.crashanalytics.domain.analytics.replay.StrategyReplayReadModel;
import com.crashanalytics.persistence.common.SqlValues;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash points a replay plays, from {@code game_round_crashes} (one row per game round, in the order of its
 * index on game, platform and start time, which includes the crash multiplier: an index-only scan), and who played the
 * strategy live, from the rounds filed under it.
 */
public class JdbcStrategyReplayReadModel implements StrategyReplayReadModel {

    private final JdbcClient jdbc;

    public JdbcStrategyReplayReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int crashes(String game, String platform, TimeWindow window, int limit, Consumer<RecordedCrash> each) {
        WindowSql where = new WindowSql().equal("game_name", game, "game").equal("platform_code", platform, "platform")
                .window("round_start_timestamp", window, "window").parameter("limit", limit);
        int[] handed = new int[1];
        where.bind(jdbc.sql("""
                        SELECT round_start_timestamp, crash_multiplier FROM game_round_crashes WHERE %s
                        ORDER BY game_name, platform_code, round_start_timestamp, round_id
                        LIMIT :limit
                        """.formatted(where.where())))
                .query((RowCallbackHandler) rs -> {
                    each.accept(new RecordedCrash(SqlValues.instant(rs, "round_start_timestamp"),
                            rs.getBigDecimal("crash_multiplier")));
                    handed[0]++;
                });
        return handed[0];
    }

    @Override
    public LiveBots liveBots(String strategy, String game, String platform, TimeWindow window, BigDecimal bustBelow,
                             TradeTypeFilter tradeTypes) {
        WindowSql where = new WindowSql().equal("strategy_name", strategy, "strategy").equal("game_name", game, "game")
                .equal("platform_code", platform, "platform").window("round_start_timestamp", window, "window")
                .tradeTypes(tradeTypes)
                .parameter("bustBelow", bustBelow);
        return where.bind(jdbc.sql("""
                        SELECT count(DISTINCT bot_id) AS bots, count(DISTINCT session_id) AS sessions,
                               count(DISTINCT session_id) FILTER (WHERE running_balance_after < :bustBelow) AS bust
                        FROM crash_game_rounds WHERE %s
                        """.formatted(where.where())))
                .query((rs, row) -> new LiveBots(rs.getInt("bots"), rs.getInt("sessions"), rs.getInt("bust")))
                .single();
    }
}
