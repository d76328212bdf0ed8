package com.crashanalytics.api.prediction;

import static com.crashanalytics.api.prediction.PredictionFixture.BOT_A;
import static com.crashanalytics.api.prediction.PredictionFixture.prediction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.crashanalytics.api.testing.LiveJournal;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The prediction feeds over WebSocket, with a PREDICTOR key: confident predictions as they are logged (seed 002's
 * alert above PREDICTION_CONFIDENCE_THRESHOLD), and verdicts as the deciding round is logged.
 */
@GatewayIntegrationTest
class PredictionFeedIT {

    private static final String MADE = """
            subscription($after: Long) { predictionMade(filter: {modelName: "xgb_streaks"}, minConfidence: 0.75, after: $after) {
                eventId predictionId confidence status kind threshold horizonRounds } }""";
    private static final String JUDGED = """
            subscription($after: Long) { predictionJudged(filter: {gameName: "aviator"}, after: $after) {
                eventId predictionId status roundsObserved firstHitAfterRounds decidingRoundId judgedAt } }""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void confidentPredictionsAndVerdictsAreStreamed() throws Exception {
        PredictionFixture game = new PredictionFixture(port, jdbc).twoBotsWatching();
        String predictorKey = new TestApiKeys(port).issue("PREDICTOR", java.util.List.of()).secret();
        try (GraphQlWebSocket made = GraphQlWebSocket.connectWithKey(port, predictorKey).acknowledged();
             GraphQlWebSocket judged = GraphQlWebSocket.connectWithKey(port, predictorKey).acknowledged()) {
            // Resuming after the journal's end: every event from here on, however long registration takes.
            String madeId = made.subscribe(MADE, Map.of("after", journalEnd()));
            String judgedId = judged.subscribe(JUDGED, Map.of("after", journalEnd()));

            game.logged(prediction("unsure", "NEXT_ROUND", "2", 0.5, 0));
            game.logged(prediction("sure", "NEXT_ROUND", "2", 0.8, 0));
            String deciding = game.logs(BOT_A, "g1", 1, "2.50");

            JsonNode confident = made.nextEvent(madeId, "predictionMade");
            assertThat(confident.path("predictionId").asString()).isEqualTo("sure");
            assertThat(confident.path("confidence").asDouble()).isEqualTo(0.8);
            assertThat(confident.path("status").asString()).isEqualTo("PENDING");
            assertThat(made.nextMessageWithin(500)).as("the unsure one is below minConfidence").isNull();

            JsonNode first = judged.nextEvent(judgedId, "predictionJudged");
            JsonNode second = judged.nextEvent(judgedId, "predictionJudged");
            assertThat(first.path("predictionId").asString()).isEqualTo("unsure");
            assertThat(second.path("predictionId").asString()).isEqualTo("sure");
            assertThat(second.path("status").asString()).isEqualTo("HIT");
            assertThat(second.path("decidingRoundId").asString()).isEqualTo(deciding);
            assertThat(second.path("eventId").asLong()).isGreaterThan(first.path("eventId").asLong());
        }
    }

    private long journalEnd() {
        return LiveJournal.end(jdbc);
    }
}
