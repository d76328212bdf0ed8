package com.crashanalytics.simulator.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.play.BotProfile;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SessionEnd;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import com.crashanalytics.simulator.play.Simulation;
import com.crashanalytics.simulator.play.SimulationPlan;
import com.crashanalytics.simulator.play.SimulationSettings;
import com.crashanalytics.simulator.strategy.FixedTarget;
import com.crashanalytics.simulator.strategy.Martingale;

/** Simulated sessions for tests of what is sent: small, seeded, and with something of everything. */
public final class Sessions {

    public static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private Sessions() {
    }

    /**
     * Two bots, two sessions each, 120 rounds at most: a steady 1.33x bot and a martingale bot with a small bankroll
     * that goes bust; misreads (10%) and errors (5%) often enough that each kind occurs.
     */
    public static List<SimulatedSession> eventful() {
        BigDecimal ten = new BigDecimal("10");
        List<BotProfile> bots = List.of(
                new BotProfile("sim-bot-01", "Steady", new FixedTarget(ten, new BigDecimal("1.33")),
                        new BigDecimal("1000"), new BigDecimal("100"), new BigDecimal("0.10"), null),
                new BotProfile("sim-bot-02", "Bold", Martingale.doubling(ten, new BigDecimal("2"), 4),
                        new BigDecimal("150"), new BigDecimal("160"), new BigDecimal("0.10"), null));
        SimulationPlan plan = new SimulationPlan(bots, 2, 120,
                List.of(new GameTable("aviator", "dafabet"), new GameTable("jetx", "fun88")), 2, START,
                Duration.ofMinutes(10));
        SimulationSettings settings = SimulationSettings.DEFAULTS.withOcrMisreadRate(0.1).withErrorRate(0.05);
        List<SimulatedSession> sessions = new Simulation(settings, CrashDistribution.STANDARD).run(plan);
        if (sessions.stream().noneMatch(s -> s.end() == SessionEnd.BUST)
                || sessions.stream().flatMap(s -> s.rounds().stream()).map(SimulatedRound::crashRead)
                        .map(read -> read.misread()).distinct().count() < 3) {
            throw new IllegalStateException("the eventful sessions lost their events: pick another seed");
        }
        return sessions;
    }
}
