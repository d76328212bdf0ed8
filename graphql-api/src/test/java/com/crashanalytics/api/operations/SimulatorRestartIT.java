package com.crashanalytics.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.crashanalytics.api.testing.DemoFleet;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.demo.RestartableBot;
import com.crashanalytics.simulator.demo.RestartableBot.Restart;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.Simulation;
import com.crashanalytics.simulator.play.SimulationPlan;
import com.crashanalytics.simulator.play.SimulationSettings;
import com.crashanalytics.simulator.strategy.Martingale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulator's bot killed mid-session and restarted, over HTTP with its own BOT key: the restarted process knows
 * only its plan, asks resume, and carries on. Every round of the plan is stored exactly once, the numbers have no gap,
 * and the session's totals are those of the uninterrupted simulation.
 */
@GatewayIntegrationTest
class SimulatorRestartIT {

    private static final GameTable TABLE = new GameTable("aviator", "dafabet");
    private static final BigDecimal TEN = new BigDecimal("10");
    private static final int KILLED_AFTER = 17;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBotKilledMidSessionResumesWhereItLeftOffWithoutGapsOrDuplicates() {
        SimulatedSession session = oneMartingaleSessionOfFortyRounds();
        GatewayClient admin = DemoFleet.client("http://localhost:" + port).withApiKey(TestApiKeys.ADMIN);
        admin.configurePlatform(TABLE, new BigDecimal("3"));
        BotProfile profile = session.setup().bot();
        admin.registerBot(new RegisterBotCommand(profile.botId(), profile.botName(), "simulator", "local", null,
                profile.strategy().name(), profile.initialBalance(), profile.strategy().baseStake(), profile.maxStake()));
        GatewayClient botKey = DemoFleet.client("http://localhost:" + port)
                .withApiKey(new TestApiKeys(port).bot(profile.botId()));

        new RestartableBot(botKey).playUntilKilled(session, KILLED_AFTER);
        Restart restart = new RestartableBot(botKey).restart(session);

        assertThat(restart.resumed().openSessionId()).isEqualTo(session.sessionId());
        assertThat(restart.resumed().lastRoundNumber()).isEqualTo(KILLED_AFTER);
        assertThat(restart.resumed().nextRoundNumber()).isEqualTo(KILLED_AFTER + 1);
        assertThat(restart.resumed().lastRoundNumbers()).containsExactly(13, 14, 15, 16, 17);
        SimulatedRound lastBeforeKill = session.rounds().get(KILLED_AFTER - 1);
        assertThat(restart.resumed().balance()).isEqualByComparingTo(lastBeforeKill.balanceAfter());
        // Round 17 sent again (the killed bot could not know it arrived), then the rest once each.
        assertThat(restart.duplicates()).isEqualTo(1);
        assertThat(restart.written()).isEqualTo(session.rounds().size() - KILLED_AFTER);

        List<Integer> stored = jdbc.queryForList(
                "SELECT round_number FROM crash_game_rounds WHERE session_id = ? ORDER BY round_number",
                Integer.class, session.sessionId());
        assertThat(stored).containsExactlyElementsOf(
                session.rounds().stream().map(SimulatedRound::roundNumber).toList());
        assertThat(stored.get(0)).isEqualTo(1);
        assertThat(stored.get(stored.size() - 1)).isEqualTo(stored.size()); // 1..n: no gap, no repeat
        BigDecimal tracked = jdbc.queryForObject("SELECT current_balance FROM session_logs WHERE session_id = ?",
                BigDecimal.class, session.sessionId());
        assertThat(tracked).isEqualByComparingTo(session.rounds().get(session.rounds().size() - 1).balanceAfter());
    }

    /** One session of up to 40 rounds, played an hour ago (the gateway refuses rounds in the future). */
    private static SimulatedSession oneMartingaleSessionOfFortyRounds() {
        BotProfile bot = new BotProfile("sim-restart-01", "Restarted", Martingale.doubling(TEN, new BigDecimal("2"), 3),
                new BigDecimal("1000"), new BigDecimal("100"), new BigDecimal("0.10"), null);
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        SimulationPlan plan = new SimulationPlan(List.of(bot), 1, 40, List.of(TABLE), 7, start, Duration.ofMinutes(5));
        List<SimulatedSession> sessions = new Simulation(SimulationSettings.DEFAULTS, CrashDistribution.STANDARD)
                .run(plan);
        SimulatedSession session = sessions.get(0);
        assertThat(session.rounds().size()).as("the seed plays past the kill").isGreaterThan(KILLED_AFTER + 5);
        return session;
    }
}
