package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.StatementRecorder;
import com.crashanalytics.api.testing.StatementRecorder.Executed;
import com.crashanalytics.simulator.history.FleetHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code strategies { performance }} reads (issue 14), on {@link FleetHistory}'s fleet (24 bots, 6 strategies,
 * 20,000 rounds): a request for totals and return ratios only never walks the rounds in time order (no window
 * function is sent) and touches {@code crash_game_rounds} only to list the strategies, one index probe per name
 * (never a hash of every round, which cost 970 ms at 1,000,000 rounds); its figures agree with counts over the
 * rounds. Drawdowns, streaks and the starting capital over all time read the strategies' equity segments and runs
 * (changelog 0420), never a walk over the rounds in time order either (no window function is sent, none is planned),
 * and are the walk's figures: a request that adds an equity return (dailySharpeRatio) still walks the rounds, and the
 * check sees that walk.
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class StrategyTotalsReadsIT {

    static final String TOTALS_ONLY = """
            { strategies { name performance { rounds wins losses totalStaked totalProfitLoss winRate roiPercent
                                              grossWin grossLoss profitFactor sharpeRatio } } }
            """;

    private static final String ORDER_DEPENDENT = """
            rounds totalProfitLoss longestWinStreak longestLossStreak startingCapital
            maxDrawdown { amount percentOfPeak peakAt troughAt } currentDrawdown { amount percentOfPeak peakAt troughAt }
            """;
    private static final String ALL_TIME = "{ strategies(tradeType: ANY) { name performance { %s } } }"
            .formatted(ORDER_DEPENDENT);
    /** The same with an equity return, which makes the gateway walk the rounds (the PERFORMANCE statement). */
    private static final String WALKED = "{ strategies(tradeType: ANY) { name performance { %s dailySharpeRatio } } }"
            .formatted(ORDER_DEPENDENT);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    GraphQlClient client;

    @BeforeEach
    void aFleet() throws Exception {
        client = new GraphQlClient(port);
        jdbc.queryForObject("SELECT prepare_round_partitions('2026-01-01')", Boolean.class);
        try (Connection connection = dataSource.getConnection()) {
            new FleetHistory(connection).growTo(20_000);
        }
    }

    @Test
    void totalsOnlyReadTheRollupAndProbeTheRoundsOncePerStrategy() {
        StatementRecorder.INSTANCE.start(true);
        GraphQlClient.GraphQlResponse response = client.execute(TOTALS_ONLY);
        List<Executed> statements = StatementRecorder.INSTANCE.stop();

        Map<String, Long> roundsByStrategy = new HashMap<>();
        ok(response).data("strategies").forEach(strategy -> roundsByStrategy.put(strategy.path("name").asString(),
                strategy.path("performance").path("rounds").asLong()));
        Map<String, Long> counted = new HashMap<>();
        jdbc.query("SELECT strategy_name, count(*) FROM crash_game_rounds GROUP BY strategy_name",
                (java.sql.ResultSet rs) -> {
                    counted.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(counted).hasSize(6);
        assertThat(roundsByStrategy).isEqualTo(counted);

        List<Executed> selects = statements.stream().filter(statement -> statement.plan() != null).toList();
        assertThat(selects).as("the names, then one statement of totals for every strategy").hasSize(2);
        assertThat(statements).noneMatch(StrategyTotalsReadsIT::walksInTimeOrder);
        List<Executed> readingRounds = selects.stream()
                .filter(statement -> statement.sql().contains("crash_game_rounds")).toList();
        assertThat(readingRounds).singleElement().satisfies(names -> {
            assertThat(names.sql()).contains("WITH RECURSIVE names");
            assertThat(names.plan()).as(names.plan()).doesNotContain("Hash Semi Join", "HashAggregate", "Hash Join");
        });
        assertThat(selects).filteredOn(statement -> !statement.sql().contains("crash_game_rounds"))
                .singleElement().satisfies(totals -> assertThat(totals.sql()).contains("FROM round_totals_hourly"));
    }

    @Test
    void drawdownsStreaksAndCapitalOverAllTimeFoldTheSegmentsAndAgreeWithTheWalk() {
        StatementRecorder.INSTANCE.start(true);
        JsonNode folded = ok(client.execute(ALL_TIME)).data("strategies");
        List<Executed> statements = StatementRecorder.INSTANCE.stop();

        assertThat(statements).noneMatch(StrategyTotalsReadsIT::walksInTimeOrder);
        assertThat(statements).filteredOn(statement -> statement.plan() != null)
                .allSatisfy(statement -> assertThat(statement.plan()).as(statement.sql()).doesNotContain("WindowAgg"))
                .filteredOn(statement -> statement.sql().contains("strategy_equity_segments_hourly"))
                .singleElement()
                .satisfies(performance -> assertThat(performance.sql()).contains("FROM strategy_streaks"));

        StatementRecorder.INSTANCE.start(false);
        JsonNode walked = ok(client.execute(WALKED)).data("strategies");
        assertThat(StatementRecorder.INSTANCE.stop()).anyMatch(StrategyTotalsReadsIT::walksInTimeOrder);
        walked.forEach(strategy -> ((ObjectNode) strategy.path("performance")).remove("dailySharpeRatio"));

        assertThat(folded).hasSize(6);
        assertThat(folded.findValues("amount")).as("the fleet's strategies fall").anyMatch(amount -> amount.asDouble() > 0);
        assertThat(folded).isEqualTo(walked);
    }

    /** A window over the rounds in (time, id) order: the walk the drawdowns and streaks need. */
    private static boolean walksInTimeOrder(Executed statement) {
        return statement.sql() != null && statement.sql().contains("crash_game_rounds")
                && statement.sql().contains("ROWS UNBOUNDED PRECEDING");
    }
}
