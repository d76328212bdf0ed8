package com.crashanalytics.api.prediction;

import static com.crashanalytics.api.testing.WritePath.ok;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two bots watching aviator on dafabet (97% RTP), each in its own session, logging the game's rounds as bots do, and
 * a model logging predictions about the game. Times are minutes after T0, two hours ago.
 */
public final class PredictionFixture {

    public static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);
    public static final String BOT_A = "bot_a";
    public static final String BOT_B = "bot_b";

    static final String PREDICTION_FIELDS = """
            id modelName modelVersion predictionId kind threshold withinRounds horizonRounds gapFrom gapTo predictedGap
            confidence madeAt expiresAt features status roundsObserved firstHitAfterRounds decidingRoundId judgedAt""";
    static final String LOG_PREDICTION = "mutation($input: LogPredictionInput!) { logPrediction(input: $input) { "
            + "duplicate prediction { " + PREDICTION_FIELDS + " } } }";

    final GraphQlClient client;
    final WritePath writePath;
    private final Map<String, Integer> roundNumbers = new HashMap<>();

    public PredictionFixture(int port, JdbcTemplate jdbc) {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc);
    }

    /** Both bots registered, the platform configured, a session each. */
    public PredictionFixture twoBotsWatching() {
        writePath.configurePlatform("aviator", "dafabet");
        for (String bot : new String[] {BOT_A, BOT_B}) {
            writePath.registerBot(bot);
            writePath.startSession(bot, session(bot), "1000.00");
        }
        return this;
    }

    static String session(String bot) {
        return "s_" + bot;
    }

    public static String at(double minutes) {
        return T0.plusMillis((long) (minutes * 60_000)).toString();
    }

    /** The bot's next round: it skipped the game round {@code externalId}, which crashed at {@code crash}. */
    Map<String, Object> round(String bot, String externalId, double minutes, String crash) {
        int number = roundNumbers.merge(bot, 1, Integer::sum);
        Map<String, Object> round = new HashMap<>();
        round.put("botId", bot);
        round.put("sessionId", session(bot));
        round.put("roundNumber", number);
        round.put("roundOutcome", "SKIP");
        round.put("crashMultiplier", crash);
        round.put("roundStartTimestamp", at(minutes));
        if (externalId != null) {
            round.put("roundExternalId", externalId);
        }
        return round;
    }

    /** The bot logs the game round; answers the logged round's id. */
    public String logs(String bot, String externalId, double minutes, String crash) {
        return ok(writePath.logRound(round(bot, externalId, minutes, crash))).data("logRound.round.id").asString();
    }

    static Map<String, Object> prediction(String id, String kind, String threshold, double confidence, double madeAt) {
        Map<String, Object> input = new HashMap<>();
        input.put("modelName", "xgb_streaks");
        input.put("modelVersion", "2026.12");
        input.put("predictionId", id);
        input.put("gameName", "aviator");
        input.put("platformCode", "dafabet");
        input.put("kind", kind);
        input.put("threshold", threshold);
        input.put("confidence", confidence);
        input.put("madeAt", at(madeAt));
        return input;
    }

    GraphQlResponse logPrediction(Map<String, Object> input) {
        return client.execute(LOG_PREDICTION, Map.of("input", input));
    }

    JsonNode logged(Map<String, Object> input) {
        return ok(logPrediction(input)).data("logPrediction.prediction");
    }

    /** The stored prediction, read back through the predictions list. */
    JsonNode prediction(String predictionId) {
        JsonNode edges = ok(client.execute("{ predictions(first: 500) { edges { node { " + PREDICTION_FIELDS
                + " } } } }")).data("predictions.edges");
        for (JsonNode edge : edges) {
            if (edge.path("node").path("predictionId").asString().equals(predictionId)) {
                return edge.path("node");
            }
        }
        throw new AssertionError("no prediction " + predictionId + " in " + edges);
    }

    static Map<String, Object> with(Map<String, Object> base, Object... fieldsAndValues) {
        return WritePath.with(base, fieldsAndValues);
    }
}
