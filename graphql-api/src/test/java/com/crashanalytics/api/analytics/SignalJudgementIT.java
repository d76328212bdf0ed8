package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Signals logged the way bots log them, then scored: the gateway judges a signal right when (confidence ≥ 0.5) ==
 * (crash ≥ predicted), and signal effectiveness must score the confidence against whether the round reached the
 * prediction, not against that judgement (an unconfident signal whose round fell short was right, but not a hit).
 */
@GatewayIntegrationTest
class SignalJudgementIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void effectivenessScoresConfidenceAgainstReachingThePrediction() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writePath = new WritePath(client, jdbc).activeSession();
        // The round crashed at 1.50. Confidence / predicted → reached? / judged right?
        //   0.2 / 2.00 → no / right     0.9 / 1.20 → yes / right
        //   0.3 / 1.40 → yes / wrong    0.1 / 3.00 → no / right
        ok(writePath.logRound(with(round(1, "LOSS", "10", "1.50", null), "targetMultiplier", "2.00",
                "signals", List.of(
                        signal("a", 0.2, "2.00"), signal("b", 0.9, "1.20"),
                        signal("c", 0.3, "1.40"), signal("d", 0.1, "3.00")))));

        JsonNode overall = ok(client.execute("""
                { signalEffectiveness(signalType: "ml_v1") { overall {
                    signals hits hitRate truePositives falsePositives trueNegatives falseNegatives accuracy brierScore } } }
                """)).data("signalEffectiveness").get(0).path("overall");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM analytics_round_signals WHERE signal_correctness",
                Integer.class)).isEqualTo(3);
        assertThat(overall.path("signals").asInt()).isEqualTo(4);
        assertThat(overall.path("hits").asInt()).isEqualTo(2);                 // b and c reached their prediction
        assertThat(overall.path("hitRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(overall.path("truePositives").asInt()).isEqualTo(1);        // b
        assertThat(overall.path("falsePositives").asInt()).isZero();
        assertThat(overall.path("trueNegatives").asInt()).isEqualTo(2);        // a, d
        assertThat(overall.path("falseNegatives").asInt()).isEqualTo(1);       // c
        assertThat(overall.path("accuracy").decimalValue()).isEqualByComparingTo("0.75"); // 3 right of 4
        // Brier: (0.2 − 0)² + (0.9 − 1)² + (0.3 − 1)² + (0.1 − 0)² = 0.04 + 0.01 + 0.49 + 0.01 = 0.55; / 4 = 0.1375
        assertThat(overall.path("brierScore").asDouble()).isCloseTo(0.1375, within(1e-12));
    }

    private static Map<String, Object> signal(String clientSignalId, double confidence, String predicted) {
        return Map.of("signalType", "ml_v1", "clientSignalId", clientSignalId, "confidenceScore", confidence,
                "predictedMultiplier", predicted);
    }
}
