package com.crashanalytics.api.operations;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.api.testing.AnotherReplica;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.session.AbandonSilentSessionsUseCase.Sweep;
import com.crashanalytics.domain.session.SilentSessionSweeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The sweeper (gateway.sessions.abandon-after, 30 minutes by default) ends silent sessions as ABANDONED with the reason,
 * leaves live ones and their totals alone, never counts twice, and works on one replica at a time (a second one, here a
 * connection holding the sweep's advisory lock, makes it skip). Read back over HTTP.
 */
@GatewayIntegrationTest
class SessionSweeperIT {

    private static final String SESSION_READ = """
            query($id: ID!) { session(sessionId: $id) {
              status endTime endReason finalBalance lastSeenAt stale
              totals { totalRounds wins losses totalStaked totalProfitLoss currentBalance peakBalance maxDrawdown lastRoundNumber }
              summary { rounds totalProfitLoss winRate profitFactor maxDrawdown { amount } }
              bot { status }
            } }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SessionSweepSchedule schedule;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void threeSessionsSilentForAnHourTenMinutesAndNotAtAll() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc);
        writePath.activeSession(); // BOT in SESSION with 1000.00
        ok(writePath.logRounds(WritePath.tenRoundSession()));
        writePath.registerBot("quiet");
        writePath.startSession("quiet", "s-quiet", "100");
        writePath.registerBot("live");
        writePath.startSession("live", "s-live", "100");
        silentFor(SESSION, "1 hour");
        silentFor("s-quiet", "10 minutes"); // stale (past 2 minutes), not yet abandoned (30 minutes)
    }

    @Test
    void aSessionSilentPastTheLimitIsAbandonedWithTheReasonAndKeepsItsTotals() {
        JsonNode before = session(SESSION);
        assertThat(before.path("stale").asBoolean()).isTrue();

        Sweep sweep = schedule.sweepNow();

        assertThat(sweep.swept()).isTrue();
        assertThat(sweep.abandoned()).containsExactly(SESSION);
        JsonNode after = session(SESSION);
        assertThat(after.path("status").asText()).isEqualTo("ABANDONED");
        assertThat(after.path("stale").asBoolean()).isFalse();
        // Ended when it was last heard from, with the balance the gateway tracked: 1000 − 46.70.
        assertThat(after.path("endTime").asText()).isEqualTo(before.path("lastSeenAt").asText());
        assertThat(after.path("finalBalance").decimalValue()).isEqualByComparingTo("953.30");
        assertThat(after.path("endReason").asText()).startsWith("nothing heard (no round, no heartbeat) since ")
                .contains("longer than the limit of PT30M");
        assertThat(after.path("totals")).isEqualTo(before.path("totals"));
        assertThat(after.path("summary")).isEqualTo(before.path("summary"));
        assertThat(after.path("totals").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-46.70");
        // No open session, last heard from over an hour ago (the sweep is not news from the bot): past the idle hour.
        assertThat(after.path("bot").path("status").asText()).isEqualTo("STOPPED");
        assertThat(after.path("lastSeenAt")).isEqualTo(before.path("lastSeenAt"));

        for (String alive : List.of("s-quiet", "s-live")) {
            assertThat(session(alive).path("status").asText()).as(alive).isEqualTo("ACTIVE");
            assertThat(session(alive).path("endReason").isNull()).isTrue();
        }
        // The bot comes back to its abandoned session: refused, it starts a new one.
        refused(writePath.logRound(with(round(11, "SKIP", null, "2.00", null), "sessionId", SESSION)),
                "CONFLICT", "input.sessionId", "CONFLICT");
    }

    @Test
    void twoSweepsDoNotDoubleAnything() {
        schedule.sweepNow();
        List<String> sessions = writePath.snapshot("session_logs");
        List<String> rounds = writePath.snapshot("crash_game_rounds");

        Sweep again = schedule.sweepNow();

        assertThat(again.swept()).isTrue();
        assertThat(again.abandoned()).isEmpty();
        assertThat(writePath.snapshot("session_logs")).isEqualTo(sessions);
        assertThat(writePath.snapshot("crash_game_rounds")).isEqualTo(rounds);
    }

    @Test
    void aSecondReplicaSweepingMakesThisOneSkip() throws Exception {
        AnotherReplica.holdingJob(dataSource, SilentSessionSweeper.JOB, () -> {
            Sweep skipped = schedule.sweepNow();
            assertThat(skipped.swept()).isFalse();
            assertThat(session(SESSION).path("status").asText()).isEqualTo("ACTIVE");
        });
        assertThat(schedule.sweepNow().abandoned()).containsExactly(SESSION);
    }

    @Test
    void aBotCannotEndASessionAsAbandoned() {
        refused(client.execute(WritePath.END_SESSION, Map.of("input", Map.of("botId", "live", "sessionId", "s-live",
                "status", "ABANDONED"))), "BAD_REQUEST", "input.status", "ENDED_STATUS");
        assertThat(session("s-live").path("status").asText()).isEqualTo("ACTIVE");
    }

    private JsonNode session(String sessionId) {
        return ok(client.execute(SESSION_READ, Map.of("id", sessionId))).data("session");
    }

    private void silentFor(String sessionId, String interval) {
        // As if started and last heard from that long ago (a session is never heard from before it started).
        jdbc.update("UPDATE session_logs SET start_time = start_time - CAST(? AS interval) - interval '1 minute',"
                + " updated_at = now() - CAST(? AS interval), last_heartbeat_at = NULL WHERE session_id = ?",
                interval, interval, sessionId);
    }
}
