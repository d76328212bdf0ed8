package com.crashanalytics.persistence.analytics;

import java.util.List;

import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.edge.LuckOrEdgeReadModel;
import com.crashanalytics.domain.analytics.edge.PlatformBetSums;
import com.crashanalytics.persistence.common.SqlConditions;
import com.crashanalytics.persistence.common.SqlTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bet sums per game and platform from {@code round_totals_hourly} (bets, Σ P/L ÷ stake, its squares) for the whole
 * UTC hours inside the window, and from the rounds for the partial hours at its edges, in one statement; the
 * platform's RTP is 1 − its house edge. Reads a few rows per hour whatever the number of rounds.
 */
public class JdbcLuckOrEdgeReadModel implements LuckOrEdgeReadModel {

    private static final String SUMS = """
            SELECT b.game_name, b.platform_code, sum(b.bets) AS bets, sum(b.sum_returns) AS sum_returns,
                   sum(b.sum_squares) AS sum_squares, 1 - p.house_edge_percent / 100 AS rtp
            FROM ({parts}) AS b
            JOIN game_platform_config p ON p.game_name = b.game_name AND p.platform_code = b.platform_code
            GROUP BY b.game_name, b.platform_code, p.house_edge_percent
            HAVING sum(b.bets) > 0
            ORDER BY b.game_name, b.platform_code
            """;
    private static final String HOURLY = """
            SELECT game_name, platform_code, bets, sum_returns, sum_squares FROM round_totals_hourly WHERE {where}""";
    private static final String ROUNDS = """
            SELECT game_name, platform_code, 1 AS bets, profit_loss_amount / stake_value AS sum_returns,
                   (profit_loss_amount / stake_value) * (profit_loss_amount / stake_value) AS sum_squares
            FROM crash_game_rounds WHERE stake_value > 0 AND {where}""";

    private final JdbcClient jdbc;

    public JdbcLuckOrEdgeReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PlatformBetSums> betSums(@Nullable String botId, @Nullable String strategy, TimeWindow window,
                                         TradeTypeFilter tradeTypes) {
        SqlConditions filters = new SqlConditions().equal("bot_id", "botId", botId)
                .equal("strategy_name", "strategy", strategy).tradeTypes(tradeTypes);
        List<String> parts = filters.wholeHoursAndEdges(window,
                hours -> SqlTemplate.sql(HOURLY).with("where", hours).text(),
                times -> SqlTemplate.sql(ROUNDS).with("where", times).text());
        return filters.bind(jdbc.sql(SqlTemplate.sql(SUMS).with("parts", String.join(" UNION ALL ", parts)).text()))
                .query((rs, row) -> new PlatformBetSums(rs.getString("game_name"), rs.getString("platform_code"),
                        rs.getLong("bets"), rs.getBigDecimal("sum_returns"), rs.getBigDecimal("sum_squares"),
                        rs.getBigDecimal("rtp")))
                .list();
    }
}
