package com.crashanalytics.simulator.play;

import static com.crashanalytics.domain.round.RoundOutcome.ERROR;
import static com.crashanalytics.domain.round.RoundOutcome.LOSS;
import static com.crashanalytics.domain.round.RoundOutcome.SKIP;
import static com.crashanalytics.domain.round.RoundOutcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.crash.ScriptedCrashPoints;
import com.crashanalytics.simulator.strategy.DAlembert;
import com.crashanalytics.simulator.strategy.FixedTarget;
import com.crashanalytics.simulator.strategy.Martingale;
import com.crashanalytics.simulator.strategy.Paroli;
import com.crashanalytics.simulator.strategy.Strategy;
import org.junit.jupiter.api.Test;

/**
 * Sessions over crash sequences chosen by hand, with the balance after each round worked out in the comments.
 * No misreads, errors or signal filter unless a test asks for them, so only the strategy and the game decide.
 */
class SessionSimulatorTest {

    private static final BigDecimal TEN = new BigDecimal("10");
    private static final BigDecimal TWO = new BigDecimal("2");
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final SimulationSettings QUIET = SimulationSettings.DEFAULTS.withOcrMisreadRate(0).withErrorRate(0);

    @Test
    void martingaleWithCapThree() {
        BotProfile bot = bot(Martingale.doubling(TEN, TWO, 3), "1000", "1000", "1");

        SimulatedSession session = play(bot, "1.50", "1.20", "3.00", "1.00", "1.10", "1.90", "1.99", "2.00", "5.00");

        // round  step  stake  crash  outcome  P/L   balance
        //   1     0     10    1.50   LOSS    −10    990
        //   2     1     20    1.20   LOSS    −20    970
        //   3     2     40    3.00   WIN     +40   1010   (40 × (2 − 1))
        //   4     0     10    1.00   LOSS    −10   1000
        //   5     1     20    1.10   LOSS    −20    980
        //   6     2     40    1.90   LOSS    −40    940
        //   7     3     80    1.99   LOSS    −80    860   (the cap: accept the loss, reset)
        //   8     0     10    2.00   WIN     +10    870   (crash = target counts as reached)
        //   9     0     10    5.00   WIN     +10    880
        assertThat(steps(session)).containsExactly(0, 1, 2, 0, 1, 2, 3, 0, 0);
        assertThat(amounts(session, SimulatedRound::stake))
                .containsExactly("10", "20", "40", "10", "20", "40", "80", "10", "10");
        assertThat(outcomes(session)).containsExactly(LOSS, LOSS, WIN, LOSS, LOSS, LOSS, LOSS, WIN, WIN);
        assertThat(amounts(session, SimulatedRound::profitLoss))
                .containsExactly("-10", "-20", "40", "-10", "-20", "-40", "-80", "10", "10");
        assertThat(amounts(session, SimulatedRound::balanceAfter))
                .containsExactly("990", "970", "1010", "1000", "980", "940", "860", "870", "880");
        assertThat(session.finalBalance()).isEqualByComparingTo("880");
        assertThat(session.profitLoss()).isEqualByComparingTo("-120");
        assertThat(session.end()).isEqualTo(SessionEnd.COMPLETED);
    }

    @Test
    void paroliUpToThreeWins() {
        BotProfile bot = bot(new Paroli(TEN, TWO, 3), "1000", "1000", "1");

        SimulatedSession session = play(bot, "2.50", "3.00", "2.00", "4.00", "1.50", "2.10", "1.01");

        // round  step  stake  crash  outcome  balance
        //   1     0     10    2.50   WIN     1010
        //   2     1     20    3.00   WIN     1030
        //   3     2     40    2.00   WIN     1070   (third win: bank, back to 10)
        //   4     0     10    4.00   WIN     1080
        //   5     1     20    1.50   LOSS    1060
        //   6     0     10    2.10   WIN     1070
        //   7     1     20    1.01   LOSS    1050
        assertThat(steps(session)).containsExactly(0, 1, 2, 0, 1, 0, 1);
        assertThat(amounts(session, SimulatedRound::stake)).containsExactly("10", "20", "40", "10", "20", "10", "20");
        assertThat(amounts(session, SimulatedRound::balanceAfter))
                .containsExactly("1010", "1030", "1070", "1080", "1060", "1070", "1050");
    }

    @Test
    void dAlembertOneUnitUpAfterALossOneDownAfterAWin() {
        BotProfile bot = bot(DAlembert.withUnitOfBaseStake(TEN, TWO), "1000", "100", "1");

        SimulatedSession session = play(bot, "1.20", "1.30", "2.50", "1.00", "3.00", "2.20", "7.00");

        // round  step  stake  crash  outcome  balance
        //   1     0     10    1.20   LOSS     990
        //   2     1     20    1.30   LOSS     970
        //   3     2     30    2.50   WIN     1000
        //   4     1     20    1.00   LOSS     980
        //   5     2     30    3.00   WIN     1010
        //   6     1     20    2.20   WIN     1030
        //   7     0     10    7.00   WIN     1040   (floor: stays at the base stake)
        assertThat(amounts(session, SimulatedRound::stake)).containsExactly("10", "20", "30", "20", "30", "20", "10");
        assertThat(amounts(session, SimulatedRound::balanceAfter))
                .containsExactly("990", "970", "1000", "980", "1010", "1030", "1040");
    }

    @Test
    void fixedTargetCashesOutAtItsTargetHoweverHighTheCrash() {
        BotProfile bot = bot(new FixedTarget(TEN, new BigDecimal("1.33")), "1000", "100", "1");

        SimulatedSession session = play(bot, "1.33", "1.32", "25.00", "1.00");

        // 1: WIN 10 × 0.33 = 3.30 → 1003.30; 2: LOSS → 993.30; 3: WIN at 1.33 (not 25) → 996.60; 4: LOSS → 986.60
        assertThat(amounts(session, SimulatedRound::balanceAfter)).containsExactly("1003.3", "993.3", "996.6", "986.6");
        assertThat(session.rounds()).extracting(SimulatedRound::cashout)
                .containsExactly(new BigDecimal("1.33"), null, new BigDecimal("1.33"), null);
        assertThat(session.rounds().get(2).crashMultiplier()).isEqualByComparingTo("25.00");
    }

    @Test
    void stakesAreCutToTheMaximumStake() {
        BotProfile bot = bot(Martingale.doubling(TEN, TWO, 5), "10000", "50", "1");

        SimulatedSession session = play(bot, "1.00", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00");

        // wanted 10, 20, 40, 80, 160, 320 (cap 5 reached), then 10 again; bet at most 50.
        assertThat(amounts(session, SimulatedRound::stake)).containsExactly("10", "20", "40", "50", "50", "50", "10");
        assertThat(steps(session)).containsExactly(0, 1, 2, 3, 4, 5, 0);
    }

    @Test
    void aBotThatCannotCoverTheMinimumStakeIsBustAndItsSessionEnds() {
        BotProfile bot = bot(Martingale.doubling(TEN, TWO, 3), "100", "100", "10");

        SimulatedSession session = play(bot, "1.00", "1.00", "1.00", "1.00", "5.00", "5.00");

        // 1: 10 → 90; 2: 20 → 70; 3: 40 → 30; 4: wants 80, bets all 30 → 0 < 10: bust, rounds 5 and 6 never played.
        assertThat(amounts(session, SimulatedRound::stake)).containsExactly("10", "20", "40", "30");
        assertThat(amounts(session, SimulatedRound::balanceAfter)).containsExactly("90", "70", "30", "0");
        assertThat(session.end()).isEqualTo(SessionEnd.BUST);
        assertThat(session.busted()).isTrue();
        assertThat(session.finalBalance()).isEqualByComparingTo("0");
    }

    @Test
    void bustAlsoWhenSomethingIsLeftButLessThanTheMinimum() {
        BotProfile bot = bot(new FixedTarget(TEN, TWO), "25", "10", "10");

        SimulatedSession session = play(bot, "1.50", "1.50", "9.00");

        // 25 → 15 → 5: 5 < 10, bust with 5 left.
        assertThat(session.rounds()).hasSize(2);
        assertThat(session.end()).isEqualTo(SessionEnd.BUST);
        assertThat(session.finalBalance()).isEqualByComparingTo("5");
    }

    @Test
    void aBotStartingBelowTheMinimumPlaysNoRound() {
        BotProfile bot = bot(new FixedTarget(TEN, TWO), "5", "10", "10");

        SimulatedSession session = play(bot, "2.00");

        assertThat(session.rounds()).isEmpty();
        assertThat(session.end()).isEqualTo(SessionEnd.BUST);
        assertThat(session.endedAt()).isEqualTo(START);
    }

    @Test
    void skippedRoundsCostNothingAndLeaveTheStrategyWhereItWas() {
        // A filter no confidence passes: every round is sat out.
        BotProfile bot = new BotProfile("bot", "bot", Martingale.doubling(TEN, TWO, 3), new BigDecimal("1000"), TEN,
                BigDecimal.ONE, 1.0);

        SimulatedSession session = play(bot, "1.00", "1.50", "3.00");

        assertThat(outcomes(session)).containsOnly(SKIP);
        assertThat(amounts(session, SimulatedRound::stake)).containsOnly("0");
        assertThat(amounts(session, SimulatedRound::profitLoss)).containsOnly("0");
        assertThat(amounts(session, SimulatedRound::balanceAfter)).containsOnly("1000");
        assertThat(steps(session)).containsOnly(0);
        assertThat(session.rounds()).extracting(SimulatedRound::target).containsOnly((BigDecimal) null);
    }

    @Test
    void anOracleFilterBetsOnlyOnRoundsThatReachTheTarget() {
        // Skill 1 and no noise: confidence is 1 when the round reaches 2x, 0 otherwise.
        SimulationSettings oracle = new SimulationSettings(2, 0, 0, 1.0, 0.0, "pre_flight",
                Duration.ofSeconds(5), Duration.ofSeconds(3));
        BotProfile bot = new BotProfile("bot", "bot", Martingale.doubling(TEN, TWO, 3), new BigDecimal("1000"),
                new BigDecimal("100"), BigDecimal.ONE, 0.5);

        SimulatedSession session = new SessionSimulator(oracle).run(setup(bot, 5),
                new ScriptedCrashPoints("1.00", "2.50", "1.99", "2.00", "1.20"), new SplittableRandom(1));

        // SKIP, WIN +10 → 1010, SKIP, WIN +10 → 1020, SKIP
        assertThat(outcomes(session)).containsExactly(SKIP, WIN, SKIP, WIN, SKIP);
        assertThat(amounts(session, SimulatedRound::balanceAfter)).containsExactly("1000", "1010", "1010", "1020", "1020");
    }

    @Test
    void errorRoundsPlaceNoBetCostNothingAndReportAnEvent() {
        BotProfile bot = bot(Martingale.doubling(TEN, TWO, 3), "1000", "100", "1");

        SimulatedSession session = new SessionSimulator(QUIET.withErrorRate(1.0))
                .run(setup(bot, 3), new ScriptedCrashPoints("1.00", "1.00", "1.00"), new SplittableRandom(1));

        assertThat(outcomes(session)).containsOnly(ERROR);
        assertThat(amounts(session, SimulatedRound::stake)).containsOnly("0");
        assertThat(amounts(session, SimulatedRound::profitLoss)).containsOnly("0");
        assertThat(amounts(session, SimulatedRound::balanceAfter)).containsOnly("1000");
        assertThat(steps(session)).containsOnly(0);
        assertThat(session.errors()).hasSize(3);
        assertThat(session.errors()).extracting(ErrorEvent::clientEventId).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("session-1-r"));
        assertThat(session.errors()).extracting(ErrorEvent::errorType)
                .allMatch(type -> type.equals("bet_placement_timeout") || type.equals("screen_capture_failed"));
    }

    @Test
    void paysAreExactToTheSatoshiAndNeverMore() {
        // 0.12345678 × (1.33 − 1) = 0.0407407374: the game pays 0.04074073.
        Settlement win = Settlement.of(new BigDecimal("0.12345678"), new BigDecimal("1.33"), new BigDecimal("1.40"));
        assertThat(win.outcome()).isEqualTo(WIN);
        assertThat(win.profitLoss()).isEqualTo(new BigDecimal("0.04074073"));

        Settlement loss = Settlement.of(new BigDecimal("0.12345678"), new BigDecimal("1.33"), new BigDecimal("1.32"));
        assertThat(loss.outcome()).isEqualTo(LOSS);
        assertThat(loss.profitLoss()).isEqualByComparingTo("-0.12345678");
    }

    @Test
    void roundsFollowEachOtherInTimeWithTheirSamplesInsideTheFlight() {
        BotProfile bot = bot(new FixedTarget(TEN, TWO), "1000", "100", "1");

        SimulatedSession session = play(bot, "2.00", "1.00", "10.00");

        SimulatedRound first = session.rounds().get(0);
        // take-off 5 s after the start; 2x after ln 2 / 0.0001 ≈ 6931 ms of flight.
        assertThat(first.startedAt()).isEqualTo(START);
        assertThat(first.endedAt()).isEqualTo(START.plusSeconds(5).plusMillis(6931));
        assertThat(session.rounds().get(1).startedAt()).isEqualTo(first.endedAt().plusSeconds(3));
        for (SimulatedRound round : session.rounds()) {
            List<MultiplierSample> samples = round.samples();
            assertThat(samples).hasSize(2);
            Instant takeOff = round.startedAt().plusSeconds(5);
            assertThat(samples).allMatch(s -> !s.at().isBefore(takeOff) && !s.at().isAfter(round.endedAt()));
            assertThat(samples.get(1).crashReading()).isTrue();
            assertThat(samples.get(1).multiplier()).isEqualByComparingTo(round.crashMultiplier());
            assertThat(samples.get(0).multiplier()).isBetween(BigDecimal.ONE, round.crashMultiplier());
            assertThat(round.signal().at()).isBefore(round.startedAt().plusSeconds(5));
            assertThat(round.signal().predictedMultiplier()).isEqualByComparingTo("2");
            assertThat(round.crashRead().value()).isEqualByComparingTo(round.crashMultiplier());
            assertThat(round.strategyName()).isEqualTo("fixed_2x");
        }
        // Half of a 10x flight (23026 ms) is 11513 ms: e^1.1513 ≈ 3.16.
        assertThat(session.rounds().get(2).samples().get(0).multiplier()).isEqualByComparingTo("3.16");
        assertThat(session.endedAt()).isEqualTo(session.rounds().get(2).endedAt());
    }

    private static SimulatedSession play(BotProfile bot, String... crashes) {
        return new SessionSimulator(QUIET).run(setup(bot, crashes.length), new ScriptedCrashPoints(crashes),
                new SplittableRandom(1));
    }

    private static SessionSetup setup(BotProfile bot, int rounds) {
        return new SessionSetup(bot, "session-1", new GameTable("aviator", "dafabet"), rounds, START);
    }

    private static BotProfile bot(Strategy strategy, String balance, String maxStake, String minStake) {
        return new BotProfile("bot", "bot", strategy, new BigDecimal(balance), new BigDecimal(maxStake),
                new BigDecimal(minStake), null);
    }

    private static List<Integer> steps(SimulatedSession session) {
        return session.rounds().stream().map(SimulatedRound::strategyStep).toList();
    }

    private static List<RoundOutcome> outcomes(SimulatedSession session) {
        return session.rounds().stream().map(SimulatedRound::outcome).toList();
    }

    private static List<String> amounts(SimulatedSession session, Function<SimulatedRound, BigDecimal> amount) {
        return session.rounds().stream().map(amount).map(a -> a.stripTrailingZeros().toPlainString()).toList();
    }
}
