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

/**
 * What {@code strategies { performance }} reads (issue 14), on {@link FleetHistory}'s fleet (24 bots, 6 strategies,
 * 20,000 rounds): a request for totals and return ratios only never walks the rounds in time order (no window
 * function is sent) and touches {@code crash_game_rounds} only to list the strategies, one index probe per name
 * (never a hash of every round, which cost 970 ms at 1,000,000 rounds); its figures agree with counts over the
 * rounds. A request that selects the equity returns does walk them: the check sees a walk when there is one (drawdowns
 * over all time fold the strategies' equity segments instead: {@link StrategyDrawdownReadsIT}).
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class StrategyTotalsReadsIT {

    static final String TOTALS_ONLY = """
            { strategies { name performance { rounds wins losses totalStaked totalProfitLoss winRate roiPercent
                                              grossWin grossLoss profitFactor sharpeRatio } } }
            """;
    static final String WITH_EQUITY_RETURNS = "{ strategies { name performance { rounds dailySharpeRatio } } }";

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
    void theEquityReturnsAreAWalkOverTheRounds() {
        StatementRecorder.INSTANCE.start(false);
        ok(client.execute(WITH_EQUITY_RETURNS));
        List<Executed> statements = StatementRecorder.INSTANCE.stop();

        assertThat(statements).anyMatch(StrategyTotalsReadsIT::walksInTimeOrder);
    }

    /** A window over the rounds in (time, id) order: the walk the drawdowns and streaks need. */
    private static boolean walksInTimeOrder(Executed statement) {
        return statement.sql() != null && statement.sql().contains("crash_game_rounds")
                && statement.sql().contains("ROWS UNBOUNDED PRECEDING");
    }
}
