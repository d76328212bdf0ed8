package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

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

/**
 * What {@code strategies { performance }} reads for drawdowns, streaks and the starting capital over all time (issue
 * 14), on {@link FleetHistory}'s fleet (24 bots, 6 strategies, 20,000 rounds): the strategies' equity segments and
 * runs (changelog 0420), never a walk over the rounds in time order (no window function is sent, none is planned);
 * the figures are those of the walk, which the same request over a window that holds every round still takes (as
 * do the equity returns: {@link StrategyTotalsReadsIT}).
 */
@GatewayIntegrationTest
@Import(StatementRecorder.Installation.class)
class StrategyDrawdownReadsIT {

    private static final String ORDER_DEPENDENT = """
            rounds totalProfitLoss longestWinStreak longestLossStreak startingCapital
            maxDrawdown { amount percentOfPeak peakAt troughAt } currentDrawdown { amount percentOfPeak peakAt troughAt }
            """;
    private static final String ALL_TIME = "{ strategies(tradeType: ANY) { name performance { %s } } }"
            .formatted(ORDER_DEPENDENT);
    private static final String EVERY_ROUND_WALKED = """
            { strategies(tradeType: ANY) { name performance(window: {to: "2200-01-01T00:00:00Z"}) { %s } } }
            """.formatted(ORDER_DEPENDENT);

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
    void drawdownsStreaksAndCapitalOverAllTimeFoldTheSegmentsAndAgreeWithTheWalk() {
        StatementRecorder.INSTANCE.start(true);
        JsonNode folded = ok(client.execute(ALL_TIME)).data("strategies");
        List<Executed> statements = StatementRecorder.INSTANCE.stop();

        assertThat(statements).noneMatch(StrategyDrawdownReadsIT::walksInTimeOrder);
        assertThat(statements).filteredOn(statement -> statement.plan() != null)
                .allSatisfy(statement -> assertThat(statement.plan()).as(statement.sql()).doesNotContain("WindowAgg"))
                .filteredOn(statement -> statement.sql().contains("strategy_equity_segments_hourly"))
                .singleElement()
                .satisfies(performance -> assertThat(performance.sql()).contains("FROM strategy_streaks"));

        StatementRecorder.INSTANCE.start(false);
        JsonNode walked = ok(client.execute(EVERY_ROUND_WALKED)).data("strategies");
        assertThat(StatementRecorder.INSTANCE.stop()).anyMatch(StrategyDrawdownReadsIT::walksInTimeOrder);

        assertThat(folded).hasSize(6);
        assertThat(folded.findValues("amount")).as("the fleet's strategies fall").anyMatch(amount -> amount.asDouble() > 0);
        assertThat(folded).isEqualTo(walked);
    }

    /** A window over the rounds in (time, id) order: the walk of the {@code PERFORMANCE} statement. */
    private static boolean walksInTimeOrder(Executed statement) {
        return statement.sql() != null && statement.sql().contains("crash_game_rounds")
                && statement.sql().contains("ROWS UNBOUNDED PRECEDING");
    }
}
