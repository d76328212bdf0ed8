package com.crashanalytics.simulator.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.crashanalytics.simulator.crash.CrashDistribution;
import com.crashanalytics.simulator.gateway.GatewayClient;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SimulatedPrediction;
import com.crashanalytics.simulator.play.SimulatedPredictor;
import com.crashanalytics.simulator.play.SimulatedPredictor.TableRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import tools.jackson.databind.JsonNode;

/**
 * Two simulated streak models predict the tables the demo played ("a ≥ 10x round within the next 10"), the gateway
 * judges them, and the demo prints how each scored against the crash law: one with a little skill, which beats it,
 * and one without, which does not. The rounds are logged first, so each prediction is judged as it is logged.
 */
final class PredictionRun {

    static final double DEFAULT_SKILL = 0.15;

    private static final String PERFORMANCE = """
            query($model: String!) {
              predictionPerformance(model: $model, kind: WITHIN_ROUNDS) {
                decided hitRate meanConfidence brierScore baselineBrierScore brierSkillScore
              }
            }
            """;

    private PredictionRun() {
    }

    /** The two models: one with the given skill, one without. */
    static List<SimulatedPredictor> models(double skill) {
        return List.of(new SimulatedPredictor("sim-streaks-skilled", skill, 0.02, BigDecimal.TEN, 10, 20),
                new SimulatedPredictor("sim-streaks-no-skill", 0.0, 0.02, BigDecimal.TEN, 10, 20));
    }

    /** Logs both models' predictions through {@code client}; answers how many were logged. */
    static int run(GatewayClient client, List<SimulatedSession> sessions, CrashDistribution law, long seed,
                   double skill, PrintStream out) {
        Map<String, List<TableRound>> roundsByTable = new TreeMap<>();
        Map<String, GameTable> tables = new TreeMap<>();
        for (SimulatedSession session : sessions) {
            tables.put(session.table().toString(), session.table());
            List<TableRound> rounds = roundsByTable.computeIfAbsent(session.table().toString(), table -> new ArrayList<>());
            session.rounds().forEach(round -> rounds.add(TableRound.of(round)));
        }
        roundsByTable.values().forEach(rounds -> rounds.sort(Comparator.comparing(TableRound::startedAt)));
        int logged = 0;
        Random random = new Random(seed);
        for (SimulatedPredictor model : models(skill)) {
            for (Map.Entry<String, List<TableRound>> table : roundsByTable.entrySet()) {
                for (SimulatedPrediction prediction : model.predict(tables.get(table.getKey()), table.getValue(), law,
                        random)) {
                    client.logPrediction(prediction);
                    logged++;
                }
            }
            JsonNode score = client.query(PERFORMANCE, Map.of("model", model.modelName())).path("predictionPerformance");
            out.printf(Locale.ROOT, "predictions of %s (skill %.2f): %d judged, hit rate %s, Brier %.4f against the "
                            + "crash law's %.4f: skill score %+.4f%n", model.modelName(), model.skill(),
                    score.path("decided").asInt(), score.path("hitRate").asString(), score.path("brierScore").asDouble(),
                    score.path("baselineBrierScore").asDouble(), score.path("brierSkillScore").asDouble());
        }
        return logged;
    }
}
