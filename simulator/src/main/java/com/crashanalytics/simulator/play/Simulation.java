package com.crashanalytics.simulator.play;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.crashanalytics.simulator.Seeds;
import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.crash.ProvablyFairCrashPoints;

/**
 * Runs a {@link SimulationPlan}. Each session's crash points are provably fair, with a server seed derived from the
 * plan's seed and the bot's id as client seed, so any round can be re-derived; what the bot observes comes from a
 * second stream derived the same way.
 */
public final class Simulation {

    private final SessionSimulator sessions;
    private final CrashDistribution law;

    public Simulation(SimulationSettings settings, CrashDistribution law) {
        this.sessions = new SessionSimulator(settings);
        this.law = law;
    }

    /** Every session of every bot, bot by bot, each bot's sessions in order. */
    public List<SimulatedSession> run(SimulationPlan plan) {
        List<SimulatedSession> played = new ArrayList<>();
        for (int botIndex = 0; botIndex < plan.bots().size(); botIndex++) {
            BotProfile bot = plan.bots().get(botIndex);
            Instant start = plan.startAt();
            for (int sessionIndex = 0; sessionIndex < plan.sessionsPerBot(); sessionIndex++) {
                String sessionId = plan.sessionIdFor(bot, sessionIndex);
                SessionSetup setup = new SessionSetup(bot, sessionId, plan.tableFor(botIndex, sessionIndex),
                        plan.roundsPerSession(), start);
                ProvablyFairCrashPoints crashes = new ProvablyFairCrashPoints(
                        law, Seeds.deriveHex(plan.seed(), "server-seed", sessionId), bot.botId(), 0);
                SplittableRandom observations = new SplittableRandom(Seeds.derive(plan.seed(), "observations", sessionId));
                SimulatedSession session = sessions.run(setup, crashes, observations);
                played.add(session);
                start = session.endedAt().plus(plan.breakBetweenSessions());
            }
        }
        return played;
    }
}
