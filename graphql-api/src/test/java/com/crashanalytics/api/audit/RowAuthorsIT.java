package com.crashanalytics.api.audit;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlWebSocket;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.TestApiKeys.Issued;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every row the API stores names the key that wrote it ({@code written_by_key_id}): two BOT keys write the same
 * kinds of rows for their own bots, over HTTP and over WebSocket, and each row carries its own writer's id; rows the
 * environment's admin key writes carry its all-zero id.
 */
@GatewayIntegrationTest
class RowAuthorsIT {

    static final String ENVIRONMENT_ADMIN = "00000000-0000-0000-0000-000000000000";

    /** Each kind of row a bot writes, selected by its bot. */
    static final List<String> BOT_TABLES = List.of("bot_vm_registration", "session_logs", "crash_game_rounds",
            "analytics_round_outcomes", "analytics_round_multipliers", "analytics_round_signals", "error_logs",
            "ocr_validation_logs", "capital_events");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Issued keyA;
    Issued keyB;

    @BeforeEach
    void twoBotKeysAndAPlatform() {
        ok(new GraphQlClient(port).execute(
                "mutation { configurePlatform(input: {gameName: \"aviator\", platformCode: \"demo\"}) { registration } }"));
        TestApiKeys keys = new TestApiKeys(port);
        keyA = keys.issue("BOT", List.of("bot_a"), "vm a");
        keyB = keys.issue("BOT", List.of("bot_b"), "vm b");
    }

    @Test
    void eachRowNamesTheKeyThatWroteIt() throws Exception {
        playOverHttp(new GraphQlClient(port).withApiKey(keyA.secret()), "bot_a");
        try (GraphQlWebSocket socket = GraphQlWebSocket.connectWithKey(port, keyB.secret()).acknowledged()) {
            for (String document : botWrites("bot_b")) {
                JsonNode result = socket.execute(document, Map.of());
                assertThat(result.path("errors").isMissingNode()).as(result.toString()).isTrue();
            }
        }

        for (String table : BOT_TABLES) {
            assertThat(writers(table, "bot_a")).as(table + " of bot_a").containsExactly(keyA.id());
            assertThat(writers(table, "bot_b")).as(table + " of bot_b").containsExactly(keyB.id());
        }
        assertThat(jdbc.queryForList("SELECT written_by_key_id::text FROM game_predictions ORDER BY prediction_id",
                String.class)).containsExactly(keyA.id(), keyB.id());
    }

    @Test
    void configurationNamesItsLastWriterAndKeysTheAdminThatIssuedThem() {
        Issued admin = new TestApiKeys(port).issue("ADMIN", List.of(), "ops");
        GraphQlClient storedAdmin = new GraphQlClient(port).withApiKey(admin.secret());
        ok(storedAdmin.execute("mutation { createAlertRule(input: {name: \"bust\", kind: BUST}) { rule { id } } }"));
        ok(storedAdmin.execute("mutation { configurePlatform(input: {gameName: \"aviator\", platformCode: \"demo\", "
                + "currency: \"EUR\"}) { registration } }"));
        ok(storedAdmin.execute("mutation { configurePlatform(input: {gameName: \"newgame\", platformCode: \"demo\", "
                + "houseEdgePercent: 4}) { registration } }"));

        assertThat(jdbc.queryForObject("SELECT written_by_key_id::text FROM alert_rules", String.class))
                .isEqualTo(admin.id());
        assertThat(jdbc.queryForObject("SELECT written_by_key_id::text FROM game_platform_config "
                + "WHERE game_name = 'aviator'", String.class)).as("changed by the stored admin").isEqualTo(admin.id());
        assertThat(jdbc.queryForObject("SELECT written_by_key_id::text FROM crash_games WHERE game_name = 'newgame'",
                String.class)).isEqualTo(admin.id());
        assertThat(jdbc.queryForList("SELECT written_by_key_id::text FROM api_clients ORDER BY label", String.class))
                .as("every key issued by the environment's admin key")
                .containsExactly(ENVIRONMENT_ADMIN, ENVIRONMENT_ADMIN, ENVIRONMENT_ADMIN);

        ok(new GraphQlClient(port).withApiKey(admin.secret()).execute(
                "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { revokedAt } } }", Map.of("id", keyA.id())));
        assertThat(jdbc.queryForObject("SELECT written_by_key_id::text FROM api_clients WHERE label = 'vm a'",
                String.class)).as("revoked by the stored admin").isEqualTo(admin.id());
    }

    /**
     * Single rounds sent at the same moment by bots with keys of their own are written together (one INSERT for
     * several bots' rounds: same transaction and same command), yet every row names its own round's key.
     */
    @Test
    void roundsOfManyKeysWrittenTogetherEachNameTheirOwnKey() throws Exception {
        int bots = 8;
        List<Issued> keys = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(bots);
        try {
            for (int bot = 0; bot < bots; bot++) {
                Issued key = new TestApiKeys(port).issue("BOT", List.of("bot_" + bot), "vm " + bot);
                keys.add(key);
                GraphQlClient client = new GraphQlClient(port).withApiKey(key.secret());
                botWrites("bot_" + bot).subList(0, 2).forEach(document -> ok(client.execute(document)));
            }
            for (int wave = 1; wave <= 20 && roundsWrittenTogetherWithOthers() == 0; wave++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> sent = new ArrayList<>();
                for (int bot = 0; bot < bots; bot++) {
                    GraphQlClient client = new GraphQlClient(port).withApiKey(keys.get(bot).secret());
                    String document = roundNumbered("bot_" + bot, wave);
                    sent.add(senders.submit(() -> {
                        start.await();
                        return ok(client.execute(document));
                    }));
                }
                start.countDown();
                for (Future<?> answer : sent) {
                    answer.get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(roundsWrittenTogetherWithOthers()).as("rounds of several bots inserted by one statement")
                .isPositive();
        for (int bot = 0; bot < bots; bot++) {
            for (String table : List.of("crash_game_rounds", "analytics_round_outcomes", "analytics_round_multipliers",
                    "analytics_round_signals", "ocr_validation_logs")) {
                assertThat(writers(table, "bot_" + bot)).as(table + " of bot_" + bot).containsExactly(keys.get(bot).id());
            }
        }
    }

    /** Rounds inserted by a statement (a transaction's command) that inserted other bots' rounds too. */
    private int roundsWrittenTogetherWithOthers() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM crash_game_rounds r JOIN (
                    SELECT xmin::text AS tx, cmin::text AS command FROM crash_game_rounds
                    GROUP BY 1, 2 HAVING count(DISTINCT bot_id) > 1) t
                ON t.tx = r.xmin::text AND t.command = r.cmin::text""", Integer.class);
    }

    /** The bot's round of this number, as {@link #botWrites} logs its first. */
    private static String roundNumbered(String botId, int roundNumber) {
        return botWrites(botId).get(2).replace("roundNumber: 1,", "roundNumber: " + roundNumber + ",");
    }

    private void playOverHttp(GraphQlClient client, String botId) {
        for (String document : botWrites(botId)) {
            ok(client.execute(document));
        }
    }

    /** What a bot writes: itself, a session, a round with samples, signals and an OCR read, and the rest. */
    private static List<String> botWrites(String botId) {
        String session = "s_" + botId;
        return List.of(
                "mutation { registerBot(input: {botId: \"%s\", strategyName: \"flat\"}) { registration } }".formatted(botId),
                ("mutation { startSession(input: {botId: \"%s\", sessionId: \"%s\", gameName: \"aviator\", "
                        + "platformCode: \"demo\", initialBalance: 100}) { duplicate } }").formatted(botId, session),
                ("mutation { logRound(input: {botId: \"%s\", sessionId: \"%s\", roundNumber: 1, roundOutcome: WIN, "
                        + "stakeValue: 10, targetMultiplier: 1.5, crashMultiplier: 2, cashoutMultiplier: 1.5, "
                        + "multiplierSamples: [{multiplier: 1.2}, {multiplier: 2, isCrash: true}], "
                        + "signals: [{signalType: \"ml\", confidenceScore: 0.7, predictedMultiplier: 1.5}], "
                        + "ocrValidations: [{rawOcrText: \"2.00x\", cleanedValue: 2, validationStatus: VALID}]}) "
                        + "{ duplicate } }").formatted(botId, session),
                ("mutation { logSignal(input: {botId: \"%s\", sessionId: \"%s\", roundNumber: 2, signalType: \"ml\", "
                        + "confidenceScore: 0.4, predictedMultiplier: 3}) { duplicate } }").formatted(botId, session),
                ("mutation { logError(input: {botId: \"%s\", sessionId: \"%s\", errorType: \"ocr_error\"}) "
                        + "{ duplicate } }").formatted(botId, session),
                ("mutation { logOcrValidation(input: {botId: \"%s\", sessionId: \"%s\", validationStatus: INVALID}) "
                        + "{ duplicate } }").formatted(botId, session),
                ("mutation { logCapitalEvent(input: {botId: \"%s\", sessionId: \"%s\", clientEventId: \"d1\", "
                        + "kind: DEPOSIT, amount: 50}) { duplicate } }").formatted(botId, session),
                ("mutation { logPrediction(input: {modelName: \"xgb\", modelVersion: \"1\", predictionId: \"p_%s\", "
                        + "gameName: \"aviator\", platformCode: \"demo\", kind: NEXT_ROUND, threshold: 2, "
                        + "confidence: 0.5}) { duplicate } }").formatted(botId));
    }

    /** The distinct writers of a bot's rows in a table (a missing writer reads as null). */
    private List<String> writers(String table, String botId) {
        return jdbc.queryForList("SELECT DISTINCT written_by_key_id::text FROM " + table + " WHERE bot_id = ?",
                String.class, botId);
    }
}
