package com.crashanalytics.simulator.play;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import com.crashanalytics.simulator.crash.CrashDistribution;

/**
 * A simulated streak model (seed 002's predictor) with a tunable edge: every {@code every} game rounds of a table it
 * predicts "a round ≥ threshold within the next {@code withinRounds}". Its confidence is the crash law's own answer
 * b = 1 − (1 − RTP / x)^N, moved by {@code skill} toward what then happens (y = 1 or 0), plus Gaussian noise, clamped
 * to [0.01, 0.99]: {@code c = b + skill · (y − b) + noise · N(0, 1)}. With skill 0 it knows nothing the house edge
 * does not tell (its Brier skill score against the crash law is about 0, below it with noise); with skill s its
 * Brier score is (1 − s)² · b(1 − b) + noise², a skill score of about 1 − (1 − s)².
 *
 * @param modelName    the model's name in the gateway
 * @param skill        0 (none) to 1 (an oracle)
 * @param noise        the standard deviation of the noise
 * @param threshold    x
 * @param withinRounds N
 * @param every        a prediction after every this many rounds of the table
 */
public record SimulatedPredictor(String modelName, double skill, double noise, BigDecimal threshold, int withinRounds,
                                 int every) {

    public SimulatedPredictor {
        if (skill < 0 || skill > 1 || noise < 0 || withinRounds < 1 || every < 1) {
            throw new IllegalArgumentException("a predictor needs skill in [0, 1], noise ≥ 0, N ≥ 1 and every ≥ 1");
        }
    }

    /**
     * Its predictions about one table whose game rounds, in play order, are {@code rounds}: each made just after a
     * round started (so the next round is the first it counts), only where N rounds follow.
     */
    public List<SimulatedPrediction> predict(GameTable table, List<TableRound> rounds, CrashDistribution law,
                                             RandomGenerator random) {
        double baseline = 1 - Math.pow(1 - law.probabilityAtLeast(threshold), withinRounds);
        List<SimulatedPrediction> predictions = new ArrayList<>();
        for (int i = every - 1; i + withinRounds < rounds.size(); i += every) {
            Instant madeAt = rounds.get(i).startedAt().plusMillis(1);
            if (!rounds.get(i + 1).startedAt().isAfter(madeAt)) {
                continue; // two rounds started together: the gateway's play order between them is its own
            }
            boolean hit = false;
            for (int j = i + 1; j <= i + withinRounds; j++) {
                hit |= rounds.get(j).crash().compareTo(threshold) >= 0;
            }
            double leaning = baseline + skill * ((hit ? 1 : 0) - baseline) + noise * random.nextGaussian();
            double confidence = Math.round(Math.min(0.99, Math.max(0.01, leaning)) * 10_000) / 10_000.0;
            predictions.add(new SimulatedPrediction(modelName, modelName + "-" + table.gameName() + "-" + table.platformCode() + "-" + i, table, madeAt,
                    threshold, withinRounds, confidence));
        }
        return predictions;
    }

    /** A round of a table as every bot at it saw it: when it started and where it crashed. */
    public record TableRound(Instant startedAt, BigDecimal crash) {

        public static TableRound of(SimulatedRound round) {
            return new TableRound(round.startedAt(), round.crashMultiplier());
        }
    }
}
