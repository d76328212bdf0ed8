package com.crashanalytics.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the write-path tests share: the GraphQL documents of the logging mutations, set-up of a bot on a
 * configured platform in an active session, and row counts to prove that a refused request wrote nothing.
 */
public final class WritePath {

    public static final String BOT = "aviator_bot_001";
    public static final String SESSION = "session_20261121_001";

    public static final String ROUND_FIELDS = """
            id botId sessionId gameName platformCode roundNumber roundExternalId roundStartTimestamp
            roundEndTimestamp durationSeconds stakeValue strategyName strategyStep targetMultiplier crashMultiplier
            cashoutMultiplier finalMultiplier multiplierSource cashoutAmount profitLoss runningBalanceBefore
            runningBalanceAfter roiPercent ocrText ocrCleanedValue ocrConfidence cashoutDetectionConfidence
            screenshotReferenceId roundOutcome errorType errorDescription recoveryActionTaken retryCount metadata
            dataQualityFlags loggedAt
            outcome { outcomeCategory winStreakLength lossStreakLength balanceAfter actualMultiplier hitTarget
                      multiplierError dateBucket hourBucket }
            """;
    public static final String SESSION_FIELDS = """
            sessionId botId gameName platformCode strategyName strategyParameters status startTime endTime
            lastHeartbeatAt lastSeenAt stale notes initialBalance finalBalance createdAt
            totals { totalRounds wins losses skips errors winRate totalStaked totalProfitLoss grossWin grossLoss
                     roiPercent largestWin largestLoss averageWin averageLoss currentBalance equity peakBalance maxDrawdown
                     maxDrawdownPercent currentDrawdown lastRoundNumber currentWinStreak currentLossStreak
                     longestWinStreak longestLossStreak }
            """;

    public static final String CONFIGURE_PLATFORM = """
            mutation($input: ConfigurePlatformInput!) {
              configurePlatform(input: $input) {
                registration
                platform { gameName platformCode platformUrl currency houseEdgePercent rtpPercent minMultiplier
                           maxMultiplier isActive createdAt updatedAt
                           game { gameName displayName provider defaultHouseEdgePercent builtin } }
              }
            }
            """;
    public static final String START_SESSION = "mutation($input: StartSessionInput!) { startSession(input: $input) { duplicate session { "
            + SESSION_FIELDS + " } } }";
    public static final String END_SESSION = "mutation($input: EndSessionInput!) { endSession(input: $input) { duplicate session { "
            + SESSION_FIELDS + " } } }";
    public static final String HEARTBEAT = "mutation($input: HeartbeatInput!) { heartbeat(input: $input) { receivedAt bot { botId lastHeartbeatAt } session { "
            + SESSION_FIELDS + " } } }";
    public static final String LOG_ROUND = "mutation($input: LogRoundInput!) { logRound(input: $input) { duplicate round { "
            + ROUND_FIELDS + " } } }";
    public static final String LOG_ROUNDS = """
            mutation($input: LogRoundsInput!) {
              logRounds(input: $input) { written duplicates rounds { duplicate round { id roundNumber profitLoss } } }
            }
            """;
    public static final String SIGNAL_FIELDS = """
            id roundId pending roundNumber botId sessionId signalType clientSignalId timestamp confidenceScore
            predictedMultiplier timeToCrashPredictedMs patternType featureVector signalCorrectness actualMultiplier
            predictionError
            """;
    public static final String LOG_SIGNAL = "mutation($input: LogSignalInput!) { logSignal(input: $input) { duplicate signal { "
            + SIGNAL_FIELDS + " } } }";
    public static final String LOG_MULTIPLIER = """
            mutation($input: LogMultiplierInput!) {
              logMultiplier(input: $input) {
                duplicate
                sample { id roundId sampleIndex multiplier timestamp elapsedMs isCrash isCashout ocrConfidence dataQualityScore }
              }
            }
            """;
    public static final String SESSION_QUERY = "query($id: ID!) { session(sessionId: $id) { " + SESSION_FIELDS + " } }";

    /** Tables a logging request may write to. */
    public static final List<String> WRITE_TABLES = List.of("crash_games", "game_platform_config", "session_logs",
            "crash_game_rounds", "analytics_round_outcomes", "analytics_round_multipliers", "analytics_round_signals",
            "error_logs", "ocr_validation_logs");

    private final GraphQlClient client;
    private final JdbcTemplate jdbc;

    public WritePath(GraphQlClient client, JdbcTemplate jdbc) {
        this.client = client;
        this.jdbc = jdbc;
    }

    /** A registered bot on aviator/dafabet in an ACTIVE session with 1000.00 to play with. */
    public WritePath activeSession() {
        registerBot(BOT);
        configurePlatform("aviator", "dafabet");
        startSession(BOT, SESSION, "1000.00");
        return this;
    }

    public void registerBot(String botId) {
        ok(client.execute("mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }",
                Map.of("input", Map.of("botId", botId, "strategyName", "compound_1.33x", "initialBalance", "1000.00",
                        "baseStake", "10.00", "maxStake", "100.00"))));
    }

    public void configurePlatform(String game, String platform) {
        ok(client.execute(CONFIGURE_PLATFORM, Map.of("input", Map.of("gameName", game, "platformCode", platform))));
    }

    public JsonNode startSession(String botId, String sessionId, String initialBalance) {
        return ok(client.execute(START_SESSION, Map.of("input", Map.of("botId", botId, "sessionId", sessionId,
                "gameName", "aviator", "platformCode", "dafabet", "initialBalance", initialBalance))))
                .data("startSession.session");
    }

    public GraphQlResponse logRound(Map<String, Object> round) {
        return client.execute(LOG_ROUND, Map.of("input", round));
    }

    public GraphQlResponse logRounds(List<Map<String, Object>> rounds) {
        return client.execute(LOG_ROUNDS, Map.of("input", Map.of("rounds", rounds)));
    }

    public JsonNode session(String sessionId) {
        return ok(client.execute(SESSION_QUERY, Map.of("id", sessionId))).data("session");
    }

    /** A round of the standard session; add or override fields with {@link #with}. */
    public static Map<String, Object> round(int number, String outcome, String stake, String crash, String cashout) {
        Map<String, Object> round = new HashMap<>();
        round.put("botId", BOT);
        round.put("sessionId", SESSION);
        round.put("roundNumber", number);
        round.put("roundOutcome", outcome);
        if (stake != null) {
            round.put("stakeValue", stake);
        }
        if (crash != null) {
            round.put("crashMultiplier", crash);
        }
        if (cashout != null) {
            round.put("cashoutMultiplier", cashout);
        }
        return round;
    }

    /**
     * The rounds of the session worked out by hand in TenRoundSessionIT (its table there), in round-number order,
     * without start times: 5 wins, 3 losses, a skip and an error, P/L −46.70 from 1000.00, max drawdown 140.
     */
    public static List<Map<String, Object>> tenRoundSession() {
        return List.of(
                with(round(1, "WIN", "10", "2.10", "1.50"), "targetMultiplier", "1.50"),
                with(round(2, "WIN", "10", "3.45", "2.00"), "targetMultiplier", "2.00"),
                with(round(3, "LOSS", "20", "1.12", null), "targetMultiplier", "1.50"),
                round(4, "SKIP", null, "5.00", null),
                with(round(5, "LOSS", "40", "1.00", null), "targetMultiplier", "1.50"),
                with(round(6, "ERROR", null, null, null), "errorType", "bet_not_placed"),
                with(round(7, "WIN", "80", "1.30", "1.25"), "targetMultiplier", "1.25"),
                with(round(8, "LOSS", "100", "1.01", null), "targetMultiplier", "1.25"),
                with(round(9, "WIN", "10", "1.40", "1.33"), "targetMultiplier", "1.33"),
                with(round(10, "WIN", "25", "10.50", "4.00"), "targetMultiplier", "4.00"));
    }

    public static Map<String, Object> with(Map<String, Object> base, Object... fieldsAndValues) {
        Map<String, Object> copy = new HashMap<>(base);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            copy.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return copy;
    }

    /** The number of rows in every table a logging request may write to. */
    public Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (String table : WRITE_TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class));
        }
        return counts;
    }

    /** Every row of a table as JSON text, in id order: compare two snapshots to prove nothing changed. */
    public List<String> snapshot(String table) {
        return jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY id", String.class);
    }

    public int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    public static GraphQlResponse ok(GraphQlResponse response) {
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response;
    }

    /** The response was refused with exactly one error naming this field, rule and classification. */
    public static JsonNode refused(GraphQlResponse response, String classification, String field, String rule) {
        assertThat(response.hasErrors()).as(response.body()).isTrue();
        assertThat(response.errors()).as(response.body()).anySatisfy(error -> {
            assertThat(error.path("extensions").path("classification").asString()).isEqualTo(classification);
            assertThat(error.path("extensions").path("field").asString()).isEqualTo(field);
            assertThat(error.path("extensions").path("rule").asString()).isEqualTo(rule);
        });
        return response.errors();
    }
}
