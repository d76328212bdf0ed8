package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.AnotherReplica;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.analytics.performance.DirtyRollupRecount;
import com.crashanalytics.domain.analytics.performance.RecountDirtyRollupsUseCase.Recount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two bots of one strategy (compound_1.33x) log over HTTP at the same moment, so one round reaches the gateway after
 * a later one of the other bot: the strategy's hour is left dirty, and every read folds its rounds. The recount
 * (every gateway.rollups.recount-interval, here called directly) recounts it once the hour has settled
 * (gateway.rollups.recount-grace, 5 minutes), and the figures stay the ones worked out by hand below.
 * <pre>
 *   start  bot  round  P/L   strategy's curve          arrives
 *   10:00  A    1      +10   10  (the peak)            1st
 *   10:10  B    1      -20   -10                       3rd: after A's 10:20
 *   10:20  A    2      -30   -40 (the trough: 50 down)  2nd
 *   10:30  B    2      +15   -25 (35 below the peak)   4th
 * </pre>
 * Each bot's own rounds, and each session's, arrive in order: only the strategy's hour is dirty.
 */
@GatewayIntegrationTest
class DirtyRollupRecountIT {

    private static final Instant HOUR = Instant.parse("2026-11-21T10:00:00Z");
    private static final String PERFORMANCE = """
            { strategies { name performance { rounds totalProfitLoss longestWinStreak longestLossStreak
                                              maxDrawdown { amount peakAt troughAt } currentDrawdown { amount } } } }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    DirtyRollupSchedule schedule;

    WritePath writes;

    @BeforeEach
    void twoBotsOfOneStrategy() {
        writes = new WritePath(new GraphQlClient(port), jdbc);
        writes.configurePlatform("aviator", "dafabet");
        for (String bot : new String[] {"bot_a", "bot_b"}) {
            writes.registerBot(bot);
            writes.startSession(bot, "session_" + bot, "1000.00");
        }
    }

    @Test
    void aSettledDirtyHourIsRecountedAndTheFiguresStayTheSame() {
        logOutOfOrder(HOUR, 600);
        assertThat(dirtyStrategyHours()).isEqualTo(1);
        assertThat(dirtyRowsOfBotsAndSessions()).isZero();
        JsonNode folded = performance();
        assertWorkedOutByHand(folded);

        Recount pass = schedule.recountNow();

        assertThat(pass).isEqualTo(new Recount(true, 1));
        assertThat(dirtyStrategyHours()).isZero();
        assertThat(performance()).isEqualTo(folded);
        assertThat(schedule.recountNow()).as("nothing left").isEqualTo(new Recount(true, 0));
    }

    @Test
    void anHourNotSettledForTheGraceWaits() {
        logOutOfOrder(startOfFourRoundsInAnUnsettledHour(Instant.now().truncatedTo(ChronoUnit.SECONDS)), 50);
        assertThat(dirtyStrategyHours()).isEqualTo(1);

        assertThat(schedule.recountNow()).isEqualTo(new Recount(true, 0));
        assertThat(dirtyStrategyHours()).isEqualTo(1);
        assertWorkedOutByHand(performance());
    }

    @Test
    void anotherReplicaHoldingTheJobMakesThisOneSkip() throws Exception {
        logOutOfOrder(HOUR, 600);

        AnotherReplica.holdingJob(dataSource, DirtyRollupRecount.JOB, () -> {
            assertThat(schedule.recountNow()).isEqualTo(new Recount(false, 0));
            assertThat(dirtyStrategyHours()).isEqualTo(1);
        });
        assertThat(schedule.recountNow()).isEqualTo(new Recount(true, 1));
    }

    /**
     * Where four rounds 50 s apart, none in the future, fall in one hour that has not settled (it ends less than the
     * 5 minutes' grace before {@code now}, or later): from this hour's start once 150 s of it have passed, else in the
     * last 200 s of the hour before. Rounds simply ending a minute ago straddled two hours when the test ran at
     * the turn of an hour, and neither hour was dirty.
     */
    private static Instant startOfFourRoundsInAnUnsettledHour(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return now.isBefore(hour.plusSeconds(3 * 50)) ? hour.minusSeconds(4 * 50) : hour;
    }

    /** The four rounds of the table from {@code start} (10:00 there), {@code step} seconds apart, as they arrive. */
    private void logOutOfOrder(Instant start, long step) {
        logged("bot_a", 1, "WIN", "10", start);
        logged("bot_a", 2, "LOSS", "30", start.plusSeconds(2 * step));
        logged("bot_b", 1, "LOSS", "20", start.plusSeconds(step));
        logged("bot_b", 2, "WIN", "15", start.plusSeconds(3 * step));
    }

    private void logged(String bot, int number, String outcome, String stake, Instant start) {
        boolean win = outcome.equals("WIN");
        Map<String, Object> round = with(round(number, outcome, stake, win ? "2.50" : "1.10", win ? "2.00" : null),
                "botId", bot, "sessionId", "session_" + bot, "roundStartTimestamp", start.toString(),
                "targetMultiplier", "2.00");
        ok(writes.logRound(round));
    }

    private static void assertWorkedOutByHand(JsonNode strategies) {
        assertThat(strategies).hasSize(1);
        JsonNode strategy = strategies.get(0);
        assertThat(strategy.path("name").asString()).isEqualTo("compound_1.33x");
        JsonNode performance = strategy.path("performance");
        assertThat(performance.path("rounds").asInt()).isEqualTo(4);
        assertThat(performance.path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-25");
        assertThat(performance.path("longestWinStreak").asInt()).isEqualTo(1);
        assertThat(performance.path("longestLossStreak").asInt()).isEqualTo(1);
        assertThat(performance.path("maxDrawdown").path("amount").decimalValue()).isEqualByComparingTo("50");
        assertThat(performance.path("currentDrawdown").path("amount").decimalValue()).isEqualByComparingTo("35");
    }

    private JsonNode performance() {
        return ok(new GraphQlClient(port).execute(PERFORMANCE)).data("strategies");
    }

    private long dirtyStrategyHours() {
        return jdbc.queryForObject("SELECT count(*) FROM strategy_equity_segments_hourly WHERE dirty", Long.class);
    }

    private long dirtyRowsOfBotsAndSessions() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM equity_segments_hourly WHERE dirty) + (SELECT count(*) FROM round_streaks WHERE dirty)
                     + (SELECT count(*) FROM strategy_streaks WHERE dirty)""", Long.class);
    }
}
