package com.crashanalytics.api.replica;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.LOG_ROUND;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.persistence.testing.StreamingReplica.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.PrometheusScrape;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.persistence.testing.CleanDatabaseExtension;
import com.crashanalytics.persistence.testing.StreamingReplica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway on a primary PostgreSQL with a real streaming hot standby as its read replica ({@link StreamingReplica}:
 * two embedded PostgreSQL 17 servers of this test's own, so stopping the standby disturbs no other test).
 *
 * <p>Which server answered is proven by what it knows: with the standby's replay paused, a round the bot logs exists
 * on the primary only, so a dashboard that does not see it read the standby, and a bot that sees it read the primary.
 * The figures are worked out by hand: round 1 WIN 10.00 cashed out at 2.00x (+10.00), round 2 LOSS 20.00 (−20.00),
 * round 3 WIN 5.00 at 1.50x (+2.50).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.admin-key=" + TestApiKeys.ADMIN,
        // Looked for often, so the test waits little for the standby's comings and goings.
        "gateway.read-replica.check-interval=200ms",
        // The test pauses the standby's replay for as long as it needs: no lag sends the reads back to the primary.
        "gateway.read-replica.max-lag=0",
        // No scheduled work on the side (as in every end-to-end test: GatewayIntegrationTest).
        "gateway.alerts.evaluation-interval=0",
        "gateway.alerts.delivery-interval=0",
        "gateway.sessions.sweep-interval=PT240H",
        "gateway.live.stale-sweep-interval=PT240H",
        "gateway.retention.schedule=-",
        "gateway.metrics.fleet-refresh-interval=1h"})
@ExtendWith({OutputCaptureExtension.class, CleanDatabaseExtension.class})
// Its databases are stopped after the class: the context (and its standby checks) go with them.
@DirtiesContext
class ReadReplicaIT {

    private static final StreamingReplica replication = StreamingReplica.start();

    private static final String GAME_STATISTICS =
            "{ gameStatistics(game: \"aviator\") { rounds wins losses totalStaked totalProfitLoss } }";
    private static final String SESSION_TOTALS =
            "query($id: ID!) { session(sessionId: $id) { totals { totalRounds totalProfitLoss } } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private GraphQlClient bot;
    private GraphQlClient dashboard;
    private String metricsKey;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", replication::primaryUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("gateway.read-replica.url", replication::standbyUrl);
    }

    @AfterAll
    static void stopServers() throws IOException {
        replication.close();
    }

    @BeforeEach
    void setUp() {
        new WritePath(new GraphQlClient(port), jdbc).activeSession();
        TestApiKeys keys = new TestApiKeys(port);
        bot = GraphQlClient.anonymous(port).withApiKey(keys.bot(BOT));
        dashboard = GraphQlClient.anonymous(port).withApiKey(keys.dashboard());
        metricsKey = keys.issue("METRICS", List.of()).secret();
    }

    /** Whatever a test did to the standby (and however it ended), the next finds it running and replaying. */
    @AfterEach
    void standbyRunningAndReplaying() {
        replication.startStandby();
        replication.resumeReplay();
    }

    @Test
    void dashboardsReadTheStandbyBotsReadThePrimaryAndReadsFallBackWhileTheStandbyIsAway(CapturedOutput output) {
        logRound(round(1, "WIN", "10.00", "3.00", "2.00"));
        replication.awaitStandbyCaughtUp();
        await("the replica to be checked and readable", () -> scrape().value("gateway_read_replica_available") == 1);
        // What the dashboard reads must hold round 1 before replay stops: the rollups round 1 updates are WAL too.
        await("the dashboard to see round 1", () -> statistics(dashboard).path("rounds").asInt() == 1);

        // The standby answers the dashboard: with its replay paused, round 2 is on the primary only.
        replication.pauseReplay();
        PrometheusScrape beforeStaleRead = scrape();
        logRound(round(2, "LOSS", "20.00", "1.10", null));

        assertBotSees(2, "-10.00");
        assertStatistics(ok(dashboard.execute(GAME_STATISTICS)), 1, 1, 0, "10.00", "10.00");
        PrometheusScrape afterStaleRead = scrape();
        assertThat(afterStaleRead.value("gateway_read_replica_reads_total"))
                .isGreaterThan(beforeStaleRead.value("gateway_read_replica_reads_total"));
        assertThat(afterStaleRead.value("gateway_read_replica_fallbacks_total"))
                .isEqualTo(beforeStaleRead.value("gateway_read_replica_fallbacks_total"));

        // Its lag is published: it has received round 2 and not applied it. So is its connection pool.
        await("the lag to show on /actuator/prometheus", () -> scrape().value("gateway_read_replica_lag_seconds") > 0);
        assertThat(scrape().series("hikaricp_connections", "pool=\"gateway-read-replica\"")).isNotEmpty();

        // Replay resumes: the dashboard sees round 2 as soon as the standby has applied it.
        replication.resumeReplay();
        await("the dashboard to see round 2", () -> statistics(dashboard).path("rounds").asInt() == 2);

        // The standby goes away: the same query is answered by the primary, counted, logged.
        double fallbacksBefore = scrape().value("gateway_read_replica_fallbacks_total");
        replication.stopStandby();
        GraphQlResponse fromPrimary = answeredDespiteTheOutage(dashboard, GAME_STATISTICS);
        assertStatistics(fromPrimary, 2, 1, 1, "30.00", "-10.00");
        await("the replica to count as away", () -> scrape().value("gateway_read_replica_available") == 0);
        assertThat(scrape().value("gateway_read_replica_fallbacks_total")).isGreaterThan(fallbacksBefore);
        assertThat(output.getOut()).contains("Read replica does not answer");

        // A round logged meanwhile is seen at once: the primary answers the dashboard.
        logRound(round(3, "WIN", "5.00", "2.50", "1.50"));
        assertStatistics(ok(dashboard.execute(GAME_STATISTICS)), 3, 2, 1, "35.00", "-7.50");

        // The standby is back: it catches up, and the dashboard reads return to it.
        replication.startStandby();
        await("the replica to be readable again", () -> scrape().value("gateway_read_replica_available") == 1);
        assertThat(output.getOut()).contains("Read replica is back");
        replication.awaitStandbyCaughtUp();
        replication.pauseReplay();
        logRound(round(4, "LOSS", "5.00", "1.00", null));
        double fallbacksAfterReturn = scrape().value("gateway_read_replica_fallbacks_total");

        assertBotSees(4, "-12.50");
        assertStatistics(ok(dashboard.execute(GAME_STATISTICS)), 3, 2, 1, "35.00", "-7.50");
        assertThat(scrape().value("gateway_read_replica_fallbacks_total")).isEqualTo(fallbacksAfterReturn);
    }

    @Test
    void aBotReadsBackWhatItJustWroteWhateverTheStandbyHasApplied() {
        replication.pauseReplay();

        logRound(round(1, "WIN", "10.00", "3.00", "2.00"));
        assertBotSees(1, "10.00");
        logRound(round(2, "LOSS", "20.00", "1.10", null));
        assertBotSees(2, "-10.00");
        assertThat(bot.execute("{ rounds(first: 5) { totalCount } }").data("rounds.totalCount").asInt()).isEqualTo(2);
    }

    private void logRound(Map<String, Object> round) {
        ok(bot.execute(LOG_ROUND, Map.of("input", round)));
    }

    private void assertBotSees(int rounds, String profitLoss) {
        JsonNode totals = ok(bot.execute(SESSION_TOTALS, Map.of("id", SESSION))).data("session.totals");
        assertThat(totals.path("totalRounds").asInt()).isEqualTo(rounds);
        assertThat(totals.path("totalProfitLoss").decimalValue()).isEqualByComparingTo(profitLoss);
    }

    private static JsonNode statistics(GraphQlClient client) {
        return ok(client.execute(GAME_STATISTICS)).data("gameStatistics");
    }

    private static void assertStatistics(GraphQlResponse response, int rounds, int wins, int losses, String staked,
                                         String profitLoss) {
        JsonNode statistics = ok(response).data("gameStatistics");
        assertThat(statistics.path("rounds").asInt()).as(response.body()).isEqualTo(rounds);
        assertThat(statistics.path("wins").asInt()).as(response.body()).isEqualTo(wins);
        assertThat(statistics.path("losses").asInt()).as(response.body()).isEqualTo(losses);
        assertThat(statistics.path("totalStaked").decimalValue()).isEqualByComparingTo(staked);
        assertThat(statistics.path("totalProfitLoss").decimalValue()).isEqualByComparingTo(profitLoss);
    }

    /**
     * A read in flight when the standby stops may fail (its connection is cut) and is answered UNAVAILABLE with
     * Retry-After, as when the primary goes away; sent again, as a client does, it is answered by the primary.
     */
    private static GraphQlResponse answeredDespiteTheOutage(GraphQlClient client, String query) {
        GraphQlResponse[] last = new GraphQlResponse[1];
        await("the dashboard's query to be answered without the standby", () -> {
            last[0] = client.execute(query);
            if (last[0].status() == 503) {
                assertThat(last[0].classifications()).as(last[0].body()).containsOnly("UNAVAILABLE");
                return false;
            }
            return true;
        });
        return last[0];
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(port, metricsKey);
    }
}
