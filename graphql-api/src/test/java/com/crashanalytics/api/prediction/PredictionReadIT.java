package com.crashanalytics.api.prediction;

import static com.crashanalytics.api.prediction.PredictionFixture.BOT_A;
import static com.crashanalytics.api.prediction.PredictionFixture.prediction;
import static com.crashanalytics.api.prediction.PredictionFixture.with;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** logPrediction's idempotency and validation, the predictions list, and predictionPerformance from a hand-worked fixture. */
@GatewayIntegrationTest
class PredictionReadIT {

    private static final String PERFORMANCE = """
            query($threshold: Float) {
              predictionPerformance(model: "xgb_streaks", kind: NEXT_ROUND, confidenceThreshold: $threshold) {
                predictions pending expired decided hits hitRate meanConfidence meanBaselineProbability
                brierScore baselineBrierScore brierSkillScore logLoss baselineLogLoss
                calibration { index lower upper predictions hits meanConfidence meanBaselineProbability hitRate }
                betting { confidenceThreshold bets unitsStaked profit profitPerUnit expectedProfitByCrashLaw beatsNotBetting }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    PredictionFixture game;

    @BeforeEach
    void twoBotsWatchTheGame() {
        game = new PredictionFixture(port, jdbc).twoBotsWatching();
    }

    @Test
    void aRetryWritesNothingAndOtherContentUnderTheSameIdIsAConflict() {
        Map<String, Object> input = with(prediction("p1", "WITHIN_ROUNDS", "10", 0.8, 0), "withinRounds", 15,
                "features", Map.of("gapsSeen", java.util.List.of(3, 12, 40)));
        JsonNode first = ok(game.logPrediction(input)).data("logPrediction");
        JsonNode retry = ok(game.logPrediction(with(input, "threshold", "10.00"))).data("logPrediction");

        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(retry.path("prediction").path("id").asString()).isEqualTo(first.path("prediction").path("id").asString());
        assertThat(retry.path("prediction").path("features").path("gapsSeen").get(2).asInt()).isEqualTo(40);
        refused(game.logPrediction(with(input, "confidence", 0.9)), "CONFLICT", "input.predictionId", "CONFLICT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_predictions", Integer.class)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        refused(game.logPrediction(prediction("p1", "WITHIN_ROUNDS", "10", 0.8, 0)), "BAD_REQUEST", "input.withinRounds",
                "RANGE");
        refused(game.logPrediction(prediction("p2", "NEXT_ROUND", "1", 0.8, 0)), "BAD_REQUEST", "input.threshold",
                "ABOVE_ONE");
        refused(game.logPrediction(prediction("p3", "NEXT_ROUND", "2", 1.2, 0)), "BAD_REQUEST", "input.confidence",
                "UNIT_INTERVAL");
        refused(game.logPrediction(with(prediction("p4", "GAP", "10", 0.3, 0), "gapFrom", 5, "gapTo", 9,
                "predictedGap", 12)), "BAD_REQUEST", "input.predictedGap", "WITHIN_INTERVAL");
        refused(game.logPrediction(with(prediction("p5", "NEXT_ROUND", "2", 0.5, 0), "platformCode", "nowhere")),
                "NOT_FOUND", "input.platformCode", "MUST_EXIST");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM game_predictions", Integer.class)).isZero();
    }

    @Test
    void aBotKeyLogsPredictionsADashboardKeyOnlyReadsThem() {
        TestApiKeys keys = new TestApiKeys(port);
        GraphQlClient bot = new GraphQlClient(port).withApiKey(keys.bot(BOT_A));
        GraphQlClient dashboard = new GraphQlClient(port).withApiKey(keys.dashboard());

        ok(bot.execute(PredictionFixture.LOG_PREDICTION, Map.of("input", prediction("p1", "NEXT_ROUND", "2", 0.5, 0))));
        assertThat(dashboard.execute(PredictionFixture.LOG_PREDICTION,
                Map.of("input", prediction("p2", "NEXT_ROUND", "2", 0.5, 0))).classifications()).containsExactly("FORBIDDEN");
        assertThat(ok(dashboard.execute("{ predictions { totalCount } }")).data("predictions.totalCount").asInt())
                .isEqualTo(1);
    }

    /**
     * Four NEXT_ROUND predictions at 2x (crash law: b = 0.97 / 2 = 0.485 each), each made just before a game round:
     * <pre>
     *  made    confidence  next round   verdict   (c − y)²   (b − y)²
     *  0       0.9         g1 2.50x     HIT       0.01       0.265225
     *  1.1     0.8         g2 1.30x     MISS      0.64       0.235225
     *  2.1     0.3         g3 1.00x     MISS      0.09       0.235225
     *  3.1     0.5         (none yet)   PENDING
     * </pre>
     * Brier 0.74 / 3 = 0.246667 against the crash law's 0.735675 / 3 = 0.245225: skill −0.005879, a shade worse.
     * Log loss (−ln 0.9 − ln 0.2 − ln 0.7) / 3 = 0.690491; the law's (−ln 0.485 − 2 ln 0.515) / 3 = 0.683594.
     * Betting at 0.75: the 0.9 HIT (+1) and the 0.8 MISS (−1) over 2 units, profit 0, the law expects −0.06; at 0.85
     * only the HIT: profit 1 on 1 unit, the law expects −0.03, and it beats not betting.
     */
    @Test
    void performanceScoresTheModelAgainstTheCrashLaw() {
        game.logged(prediction("a", "NEXT_ROUND", "2", 0.9, 0));
        game.logs(BOT_A, "g1", 1, "2.50");
        game.logged(prediction("b", "NEXT_ROUND", "2", 0.8, 1.1));
        game.logs(BOT_A, "g2", 2, "1.30");
        game.logged(prediction("c", "NEXT_ROUND", "2", 0.3, 2.1));
        game.logs(BOT_A, "g3", 3, "1.00");
        game.logged(prediction("d", "NEXT_ROUND", "2", 0.5, 3.1));

        JsonNode performance = ok(game.client.execute(PERFORMANCE, java.util.Collections.singletonMap("threshold", null)))
                .data("predictionPerformance");

        assertThat(performance.path("predictions").asInt()).isEqualTo(4);
        assertThat(performance.path("pending").asInt()).isEqualTo(1);
        assertThat(performance.path("expired").asInt()).isZero();
        assertThat(performance.path("decided").asInt()).isEqualTo(3);
        assertThat(performance.path("hits").asInt()).isEqualTo(1);
        assertThat(performance.path("hitRate").decimalValue()).isEqualByComparingTo("0.333333");
        assertThat(performance.path("meanConfidence").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(performance.path("meanBaselineProbability").asDouble()).isCloseTo(0.485, within(1e-12));
        assertThat(performance.path("brierScore").asDouble()).isCloseTo(0.246667, within(1e-6));
        assertThat(performance.path("baselineBrierScore").asDouble()).isCloseTo(0.245225, within(1e-9));
        assertThat(performance.path("brierSkillScore").asDouble()).isCloseTo(-0.005879, within(1e-6));
        assertThat(performance.path("logLoss").asDouble()).isCloseTo(0.690491, within(1e-6));
        assertThat(performance.path("baselineLogLoss").asDouble()).isCloseTo(0.683594, within(1e-6));
        assertThat(performance.path("calibration")).hasSize(3);
        JsonNode top = performance.path("calibration").get(2);
        assertThat(top.path("index").asInt()).isEqualTo(9);
        assertThat(top.path("hits").asInt()).isEqualTo(1);
        assertThat(top.path("hitRate").decimalValue()).isEqualByComparingTo("1");
        JsonNode betting = performance.path("betting");
        assertThat(betting.path("confidenceThreshold").asDouble()).isEqualTo(0.75);
        assertThat(betting.path("bets").asInt()).isEqualTo(2);
        assertThat(betting.path("unitsStaked").asInt()).isEqualTo(2);
        assertThat(betting.path("profit").decimalValue()).isEqualByComparingTo("0");
        assertThat(betting.path("expectedProfitByCrashLaw").decimalValue()).isEqualByComparingTo("-0.06");
        assertThat(betting.path("beatsNotBetting").asBoolean()).isFalse();

        JsonNode confident = ok(game.client.execute(PERFORMANCE, Map.of("threshold", 0.85)))
                .data("predictionPerformance.betting");
        assertThat(confident.path("bets").asInt()).isEqualTo(1);
        assertThat(confident.path("profit").decimalValue()).isEqualByComparingTo("1");
        assertThat(confident.path("profitPerUnit").decimalValue()).isEqualByComparingTo("1");
        assertThat(confident.path("expectedProfitByCrashLaw").decimalValue()).isEqualByComparingTo("-0.03");
        assertThat(confident.path("beatsNotBetting").asBoolean()).isTrue();
    }

    @Test
    void thePredictionsListPagesByKeysetAndFilters() {
        for (int i = 0; i < 5; i++) {
            game.logged(prediction("p" + i, "NEXT_ROUND", "2", 0.5, i * 0.1));
        }
        game.logs(BOT_A, "g1", 1, "1.00"); // every one MISSes

        JsonNode page = ok(game.client.execute("""
                { predictions(filter: {status: MISS, modelName: "xgb_streaks"}, first: 2) {
                    totalCount edges { node { predictionId } } pageInfo { hasNextPage endCursor } } }
                """)).data("predictions");
        assertThat(page.path("totalCount").asInt()).isEqualTo(5);
        assertThat(page.path("edges").get(0).path("node").path("predictionId").asString()).isEqualTo("p0");
        assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();

        JsonNode next = ok(game.client.execute("""
                query($after: String) { predictions(filter: {status: MISS}, first: 2, after: $after, direction: ASC) {
                    edges { node { predictionId } } } }
                """, Map.of("after", page.path("pageInfo").path("endCursor").asString()))).data("predictions.edges");
        assertThat(next.get(0).path("node").path("predictionId").asString()).isEqualTo("p2");
        assertThat(ok(game.client.execute("{ predictions(filter: {status: PENDING}) { totalCount } }"))
                .data("predictions.totalCount").asInt()).isZero();
    }
}
