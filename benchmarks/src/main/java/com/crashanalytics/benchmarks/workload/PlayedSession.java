package com.crashanalytics.benchmarks.workload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.crashanalytics.domain.round.RoundOutcome;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.crash.SeededCrashPoints;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SessionSetup;
import com.crashanalytics.simulator.play.SessionSimulator;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.SimulationSettings;
import com.crashanalytics.simulator.strategy.FixedTarget;

/**
 * A session of rounds played by the simulator: a fair crash game at 97% RTP, a fixed-target bot (1.33x, 2x or 3x by
 * the seed), each round with two multiplier samples and one signal, no errors (so every round is a round, an outcome
 * row, two samples and a signal, for the gateway and the baselines alike). The bankroll is large enough never to bust.
 */
public record PlayedSession(String botId, String sessionId, GameTable table, BigDecimal initialBalance,
                            List<PlayedRound> rounds) {

    public static final GameTable TABLE = new GameTable("aviator", "dafabet");
    public static final BigDecimal BANKROLL = new BigDecimal("1000000");
    private static final SessionSimulator SIMULATOR = new SessionSimulator(
            SimulationSettings.DEFAULTS.withErrorRate(0).withSamplesPerRound(2));
    private static final String[] TARGETS = {"1.33", "2", "3"};

    public PlayedSession {
        rounds = List.copyOf(rounds);
    }

    public static PlayedSession play(String botId, String sessionId, int count, Instant startAt, long seed) {
        FixedTarget strategy = new FixedTarget(BigDecimal.TEN, new BigDecimal(TARGETS[(int) Math.floorMod(seed, 3)]));
        BotProfile bot = new BotProfile(botId, botId, strategy, BANKROLL, new BigDecimal("100"), BigDecimal.ONE, null);
        SimulatedSession session = SIMULATOR.run(new SessionSetup(bot, sessionId, TABLE, count, startAt),
                new SeededCrashPoints(CrashDistribution.STANDARD, seed), new SplittableRandom(seed));
        List<PlayedRound> rounds = new ArrayList<>(count);
        int wins = 0;
        int losses = 0;
        for (SimulatedRound round : session.rounds()) {
            if (round.outcome() == RoundOutcome.WIN) {
                wins++;
                losses = 0;
            } else if (round.outcome() == RoundOutcome.LOSS) {
                losses++;
                wins = 0;
            }
            rounds.add(new PlayedRound(botId, sessionId, TABLE.gameName(), TABLE.platformCode(), round,
                    sessionId + "-" + round.crash().nonce(), wins, losses));
        }
        return new PlayedSession(botId, sessionId, TABLE, BANKROLL, rounds);
    }
}
