package com.crashanalytics.simulator.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.play.SimulationPlan;
import com.crashanalytics.simulator.play.SimulationSettings;
import org.jspecify.annotations.Nullable;

/**
 * What the demo plays and how it sends it.
 *
 * @param plan           the bots, sessions and tables; its start is replaced unless {@code start} is given
 * @param start          when the first rounds start; null: so that new data ends just before now, or where an
 *                       earlier run with the same seed put it
 * @param batchSize      rounds per request: 1 sends each round with logRound, as a live bot does; more sends
 *                       logRounds batches, as a bot catching up does
 * @param heartbeatEvery how often (wall clock) a bot sends a heartbeat during an active session
 * @param predictorSkill the skill of the simulated streak model whose predictions the demo logs, 0 to 1, next to
 *                       one without skill ({@link PredictionRun})
 */
public record DemoSetup(
        SimulationPlan plan,
        @Nullable Instant start,
        SimulationSettings settings,
        CrashDistribution law,
        int batchSize,
        Duration heartbeatEvery,
        double predictorSkill) {

    /** The gateway's limit on a logRounds batch. */
    public static final int MAX_BATCH = 1000;

    public DemoSetup {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("a batch is 1 to " + MAX_BATCH + " rounds, got " + batchSize);
        }
        if (heartbeatEvery.isNegative() || heartbeatEvery.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        }
        if (predictorSkill < 0 || predictorSkill > 1) {
            throw new IllegalArgumentException("a predictor's skill is 0 to 1, got " + predictorSkill);
        }
    }

    /** The demo with the default predictor skill, {@value PredictionRun#DEFAULT_SKILL}. */
    public DemoSetup(SimulationPlan plan, @Nullable Instant start, SimulationSettings settings, CrashDistribution law,
                     int batchSize, Duration heartbeatEvery) {
        this(plan, start, settings, law, batchSize, heartbeatEvery, PredictionRun.DEFAULT_SKILL);
    }

    /** The house edge the platforms are configured with, so the gateway's fairness tests expect the simulated RTP. */
    public BigDecimal houseEdgePercent() {
        return BigDecimal.ONE.subtract(law.rtp()).movePointRight(2).stripTrailingZeros();
    }
}
