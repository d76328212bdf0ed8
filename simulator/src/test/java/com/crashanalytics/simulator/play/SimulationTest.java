package com.crashanalytics.simulator.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.simulator.Seeds;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.crash.ProvablyFairCrashPoints;
import com.crashanalytics.simulator.strategy.FixedTarget;
import com.crashanalytics.simulator.strategy.Martingale;
import org.junit.jupiter.api.Test;

/** A whole simulation: reproducible from its seed, rotating tables, sessions in sequence, rounds verifiable. */
class SimulationTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<GameTable> TABLES = List.of(GameTable.parse("aviator@dafabet"), GameTable.parse("jetx@fun88"));
    private final Simulation simulation = new Simulation(SimulationSettings.DEFAULTS, CrashDistribution.STANDARD);

    @Test
    void theSameSeedReplaysTheSameSimulationAndAnotherSeedDoesNot() {
        List<SimulatedSession> first = simulation.run(plan(42));
        List<SimulatedSession> again = simulation.run(plan(42));
        List<SimulatedSession> other = simulation.run(plan(43));

        assertThat(again).isEqualTo(first);
        assertThat(other.get(0).rounds()).extracting(SimulatedRound::crashMultiplier)
                .isNotEqualTo(first.get(0).rounds().stream().map(SimulatedRound::crashMultiplier).toList());
    }

    @Test
    void everyBotPlaysItsSessionsOneAfterTheOtherRotatingOverTheTables() {
        List<SimulatedSession> sessions = simulation.run(plan(42));

        assertThat(sessions).hasSize(4);
        assertThat(sessions).extracting(SimulatedSession::sessionId)
                .containsExactly("bot-a-seed42-s1", "bot-a-seed42-s2", "bot-b-seed42-s1", "bot-b-seed42-s2");
        // bot a: tables 0, 1; bot b: tables 1, 0.
        assertThat(sessions).extracting(s -> s.table().toString())
                .containsExactly("aviator@dafabet", "jetx@fun88", "jetx@fun88", "aviator@dafabet");
        assertThat(sessions.get(0).startedAt()).isEqualTo(START);
        assertThat(sessions.get(1).startedAt()).isEqualTo(sessions.get(0).endedAt().plus(Duration.ofMinutes(10)));
        assertThat(sessions.get(2).startedAt()).isEqualTo(START);
        assertThat(sessions).allMatch(s -> s.rounds().size() == 20 || s.busted());
    }

    @Test
    void everyRoundsCrashPointVerifiesAgainstTheSessionsSeeds() {
        SimulatedSession session = simulation.run(plan(42)).get(0);
        String serverSeed = Seeds.deriveHex(42, "server-seed", session.sessionId());
        String commitment = ProvablyFairCrashPoints.commitmentTo(serverSeed);

        for (SimulatedRound round : session.rounds()) {
            assertThat(round.crash().nonce()).isEqualTo(round.roundNumber() - 1);
            assertThat(ProvablyFairCrashPoints.verify(CrashDistribution.STANDARD, serverSeed, commitment,
                    session.botId(), round.crash().nonce(), round.crashMultiplier())).isTrue();
        }
    }

    @Test
    void balancesChainFromRoundToRoundAndAddUpToTheSessionsResult() {
        for (SimulatedSession session : simulation.run(plan(7))) {
            BigDecimal balance = session.initialBalance();
            BigDecimal sum = BigDecimal.ZERO;
            for (SimulatedRound round : session.rounds()) {
                assertThat(round.balanceBefore()).isEqualByComparingTo(balance);
                assertThat(round.balanceAfter()).isEqualByComparingTo(balance.add(round.profitLoss()));
                assertThat(round.balanceAfter().signum()).isNotNegative();
                balance = round.balanceAfter();
                sum = sum.add(round.profitLoss());
            }
            assertThat(session.finalBalance()).isEqualByComparingTo(balance);
            assertThat(session.profitLoss()).isEqualByComparingTo(sum);
        }
    }

    @Test
    void refusesAPlanWithTwoBotsOfTheSameId() {
        BotProfile bot = bot("bot-a", new FixedTarget(BigDecimal.TEN, new BigDecimal("2")));
        assertThatThrownBy(() -> new SimulationPlan(List.of(bot, bot), 1, 1, TABLES, 1, START, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SimulationPlan plan(long seed) {
        List<BotProfile> bots = List.of(
                bot("bot-a", new FixedTarget(BigDecimal.TEN, new BigDecimal("1.33"))),
                bot("bot-b", Martingale.doubling(BigDecimal.TEN, new BigDecimal("2"), 3)));
        return new SimulationPlan(bots, 2, 20, TABLES, seed, START, Duration.ofMinutes(10));
    }

    private static BotProfile bot(String id, com.crashanalytics.simulator.strategy.Strategy strategy) {
        return new BotProfile(id, id, strategy, new BigDecimal("1000"), new BigDecimal("100"), new BigDecimal("0.10"), null);
    }
}
