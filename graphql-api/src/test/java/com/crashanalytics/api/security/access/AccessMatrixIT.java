package com.crashanalytics.api.security.access;

import static com.crashanalytics.api.security.access.AccessMatrixIT.Caller.ADMIN;
import static com.crashanalytics.api.security.access.AccessMatrixIT.Caller.BOT_A;
import static com.crashanalytics.api.security.access.AccessMatrixIT.Caller.BOT_B;
import static com.crashanalytics.api.security.access.AccessMatrixIT.Caller.DASHBOARD;
import static com.crashanalytics.api.security.access.AccessMatrixIT.Caller.PREDICTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role × operation matrix: every root operation, called by every kind of caller, over HTTP with real keys.
 * Each cell checks allowed or refused (401 UNAUTHORIZED without a valid key, FORBIDDEN for a valid key of the
 * wrong role or bot) and, for mutations, that rows were written exactly when allowed.
 *
 * <p>A new operation is one line in {@link #OPERATIONS}: its document, the rows it writes (SQL counting them:
 * 1 when allowed, 0 when refused; null for reads), and who is allowed. Data the operation needs is made first
 * through the API by the admin ({@link #given}).
 */
@GatewayIntegrationTest
class AccessMatrixIT {

    /** Who calls. Bot A's key is bound to bot_a, bot B's to bot_b; the revoked key was bot A's. */
    enum Caller { ANONYMOUS, REVOKED, BOT_A, BOT_B, DASHBOARD, PREDICTOR, ADMIN }

    // Data the operations need, made through the API by the admin as a gateway's users would make it.
    private static final String REGISTER_A = "registerBot(input: {botId: \"bot_a\"}) { registration }";
    private static final String REGISTER_B = "registerBot(input: {botId: \"bot_b\"}) { registration }";
    private static final String PLATFORM = "configurePlatform(input: {gameName: \"aviator\", platformCode: \"demo\"}) { registration }";
    private static final String START_A = "startSession(input: {botId: \"bot_a\", sessionId: \"s_a\", gameName: \"aviator\", "
            + "platformCode: \"demo\", initialBalance: 100}) { duplicate }";
    private static final String LOG_ROUND_A = "logRound(input: {botId: \"bot_a\", sessionId: \"s_a\", roundNumber: 1, "
            + "roundOutcome: SKIP, crashMultiplier: 2}) { duplicate }";

    private static final String ALERT_RULE = "createAlertRule(input: {name: \"rule\", kind: BUST}) { rule { id } }";

    private static final List<Operation> OPERATIONS = List.of(
            // Bots and platforms
            new Operation("registerBot for bot_a", null,
                    "mutation { registerBot(input: {botId: \"bot_a\", botName: \"A\"}) { registration } }",
                    "SELECT count(*) FROM bot_vm_registration WHERE bot_id = 'bot_a'", allowed(BOT_A, ADMIN)),
            new Operation("bot(bot_a)", given(REGISTER_A), "{ bot(botId: \"bot_a\") { botId } }", null,
                    allowed(BOT_A, DASHBOARD, ADMIN)),
            new Operation("bot(bot_b)", given(REGISTER_B), "{ bot(botId: \"bot_b\") { botId } }", null,
                    allowed(BOT_B, DASHBOARD, ADMIN)),
            new Operation("exchangeRates", null, "{ exchangeRates { rate } }", null, allowed(DASHBOARD, ADMIN)),
            new Operation("setExchangeRate", null,
                    "mutation { setExchangeRate(input: {from: \"INR\", to: \"USD\", rate: \"0.012\"}) { registration } }",
                    "SELECT count(*) FROM exchange_rates", allowed(ADMIN)),
            new Operation("configurePlatform", null,
                    "mutation { configurePlatform(input: {gameName: \"jetx\", platformCode: \"demo\"}) { registration } }",
                    "SELECT count(*) FROM game_platform_config WHERE game_name = 'jetx'", allowed(ADMIN)),
            new Operation("platforms", given(PLATFORM), "{ platforms { platformCode } }", null,
                    allowed(BOT_A, BOT_B, DASHBOARD, PREDICTOR, ADMIN)),
            // Sessions
            new Operation("startSession for bot_a", given(REGISTER_A, PLATFORM),
                    "mutation { startSession(input: {botId: \"bot_a\", sessionId: \"s_new\", gameName: \"aviator\", "
                            + "platformCode: \"demo\", initialBalance: 100}) { duplicate } }",
                    "SELECT count(*) FROM session_logs WHERE session_id = 's_new'", allowed(BOT_A, ADMIN)),
            new Operation("heartbeat for bot_a", given(REGISTER_A),
                    "mutation { heartbeat(input: {botId: \"bot_a\"}) { bot { botId } } }",
                    "SELECT count(*) FROM bot_vm_registration WHERE last_heartbeat_at IS NOT NULL", allowed(BOT_A, ADMIN)),
            new Operation("endSession of bot_a", given(REGISTER_A, PLATFORM, START_A),
                    "mutation { endSession(input: {botId: \"bot_a\", sessionId: \"s_a\", status: COMPLETED}) { duplicate } }",
                    "SELECT count(*) FROM session_logs WHERE status = 'COMPLETED'", allowed(BOT_A, ADMIN)),
            new Operation("session(s_a)", given(REGISTER_A, PLATFORM, START_A), "{ session(sessionId: \"s_a\") { sessionId } }",
                    null, allowed(BOT_A, DASHBOARD, ADMIN)),
            // Restart recovery: a bot asks about itself; dashboards and the admin about any bot
            new Operation("resume(bot_a)", given(REGISTER_A, PLATFORM, START_A, LOG_ROUND_A),
                    "{ resume(botId: \"bot_a\") { nextRoundNumber balance openSession { sessionId } lastRounds { roundNumber } } }",
                    null, allowed(BOT_A, DASHBOARD, ADMIN)),
            // Nested analytics take the root's decision: a BOT key reads its own session's summary and equity curve
            new Operation("session(s_a) with its summary and equity curve", given(REGISTER_A, PLATFORM, START_A, LOG_ROUND_A),
                    "{ session(sessionId: \"s_a\") { summary { rounds maxDrawdown { amount } } equityCurve { rounds } } }",
                    null, allowed(BOT_A, DASHBOARD, ADMIN)),
            // Rounds and what bots observe in them
            new Operation("logRound for bot_a", given(REGISTER_A, PLATFORM, START_A),
                    "mutation { " + LOG_ROUND_A + " }",
                    "SELECT count(*) FROM crash_game_rounds", allowed(BOT_A, ADMIN)),
            new Operation("logRounds for bot_a", given(REGISTER_A, PLATFORM, START_A),
                    "mutation { logRounds(input: {rounds: [{botId: \"bot_a\", sessionId: \"s_a\", roundNumber: 2, "
                            + "roundOutcome: SKIP, crashMultiplier: 2}]}) { written } }",
                    "SELECT count(*) FROM crash_game_rounds", allowed(BOT_A, ADMIN)),
            new Operation("round(bot_a's)", given(REGISTER_A, PLATFORM, START_A, LOG_ROUND_A), "{ round(id: \"%ROUND_A%\") { id } }",
                    null, allowed(BOT_A, DASHBOARD, ADMIN)),
            new Operation("logMultiplier for bot_a", given(REGISTER_A, PLATFORM, START_A, LOG_ROUND_A),
                    "mutation { logMultiplier(input: {botId: \"bot_a\", sessionId: \"s_a\", roundNumber: 1, sampleIndex: 5, "
                            + "multiplier: 1.5}) { duplicate } }",
                    "SELECT count(*) FROM analytics_round_multipliers WHERE sample_index = 5", allowed(BOT_A, ADMIN)),
            new Operation("logSignal for bot_a", given(REGISTER_A, PLATFORM, START_A, LOG_ROUND_A),
                    "mutation { logSignal(input: {botId: \"bot_a\", sessionId: \"s_a\", roundNumber: 1, signalType: \"t\", "
                            + "confidenceScore: 0.5}) { duplicate } }",
                    "SELECT count(*) FROM analytics_round_signals", allowed(BOT_A, ADMIN)),
            new Operation("logCapitalEvent for bot_a", given(REGISTER_A, PLATFORM, START_A),
                    "mutation { logCapitalEvent(input: {botId: \"bot_a\", sessionId: \"s_a\", clientEventId: \"d1\", "
                            + "kind: DEPOSIT, amount: 50}) { duplicate } }",
                    "SELECT count(*) FROM capital_events", allowed(BOT_A, ADMIN)),
            new Operation("logError for bot_a", given(REGISTER_A),
                    "mutation { logError(input: {botId: \"bot_a\", errorType: \"ocr\"}) { duplicate } }",
                    "SELECT count(*) FROM error_logs", allowed(BOT_A, ADMIN)),
            new Operation("logOcrValidation for bot_a", given(REGISTER_A),
                    "mutation { logOcrValidation(input: {botId: \"bot_a\", validationStatus: VALID}) { duplicate } }",
                    "SELECT count(*) FROM ocr_validation_logs", allowed(BOT_A, ADMIN)),
            // Lists across bots: every role reads them; a BOT key's answer holds its own bots' rows only (ReadAccessIT)
            new Operation("bots", given(REGISTER_A), "{ bots { edges { node { botId } } } }", null,
                    allowed(BOT_A, BOT_B, DASHBOARD, ADMIN)),
            new Operation("sessions", given(REGISTER_A, PLATFORM, START_A), "{ sessions { edges { node { sessionId } } } }",
                    null, allowed(BOT_A, BOT_B, DASHBOARD, ADMIN)),
            new Operation("rounds", given(REGISTER_A, PLATFORM, START_A, LOG_ROUND_A), "{ rounds { edges { node { id } } } }",
                    null, allowed(BOT_A, BOT_B, DASHBOARD, ADMIN)),
            new Operation("errors", given(REGISTER_A), "{ errors { totalCount edges { node { id } } } }", null,
                    allowed(BOT_A, BOT_B, DASHBOARD, ADMIN)),
            new Operation("timeSeries", given(REGISTER_A, PLATFORM, START_A, LOG_ROUND_A),
                    "{ timeSeries(window: {from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\"}, bucket: MONTH,"
                            + " groupBy: BOT) { series } }",
                    null, allowed(BOT_A, BOT_B, DASHBOARD, ADMIN)),
            // Analytics: views across bots, for dashboards and the admin
            new Operation("strategy", null, "{ strategy(name: \"flat_2x\") { name } }", null, allowed(DASHBOARD, ADMIN)),
            new Operation("strategy(compound) with its bots and sessions", given("registerBot(input: {botId: \"bot_a\", strategyName: \"compound\"}) { registration }", PLATFORM, START_A),
                    "{ strategy(name: \"compound\") { bots { totalCount } sessions { edges { node { sessionId } } } } }",
                    null, allowed(DASHBOARD, ADMIN)),
            new Operation("strategies", null, "{ strategies { name performance { rounds } } }", null,
                    allowed(DASHBOARD, ADMIN)),
            new Operation("gameStatistics", null, "{ gameStatistics(game: \"aviator\") { rounds } }", null,
                    allowed(DASHBOARD, ADMIN)),
            new Operation("multiplierDistribution", given(PLATFORM),
                    "{ multiplierDistribution(game: \"aviator\", platform: \"demo\") { rounds } }", null,
                    allowed(DASHBOARD, ADMIN)),
            new Operation("streaks", given(PLATFORM), "{ streaks(game: \"aviator\", platform: \"demo\") { hits } }", null,
                    allowed(DASHBOARD, ADMIN)),
            new Operation("signalEffectiveness", null, "{ signalEffectiveness { signalType } }", null,
                    allowed(DASHBOARD, ADMIN)),
            new Operation("leaderboard", null, "{ leaderboard { position } }", null, allowed(DASHBOARD, ADMIN)),
            new Operation("errorSummary", null, "{ errorSummary { errorType } }", null, allowed(DASHBOARD, ADMIN)),
            new Operation("ocrQuality", null, "{ ocrQuality { botId } }", null, allowed(DASHBOARD, ADMIN)),
            new Operation("riskOfRuin(bot_a)", given(REGISTER_A), "{ riskOfRuin(botId: \"bot_a\") { rounds } }", null,
                    allowed(BOT_A, DASHBOARD, ADMIN)),
            new Operation("luckOrEdge", null, "{ luckOrEdge(strategy: \"compound_1.33x\") { verdict } }", null,
                    allowed(DASHBOARD, ADMIN)),
            new Operation("platformIntegrity", given(PLATFORM),
                    "{ platformIntegrity(game: \"aviator\", platform: \"demo\") { payout { flaggedOn } } }", null,
                    allowed(DASHBOARD, ADMIN)),
            new Operation("strategyReplay", given(PLATFORM),
                    "{ strategyReplay(input: {game: \"aviator\", platform: \"demo\", system: FIXED_TARGET, baseStake: 1, "
                            + "target: 2, initialBalance: 10}) { replayed { rounds } } }", null,
                    allowed(DASHBOARD, ADMIN)),
            // Data lifecycle
            new Operation("databaseSize", null, "{ databaseSize { totalBytes } }", null, allowed(ADMIN)),
            new Operation("cleanupOldRecords", null, "mutation { cleanupOldRecords(dryRun: true) { dryRun } }", null,
                    allowed(ADMIN)),
            // Predictions: about games, not bots; PREDICTOR and every BOT key log them, every key reads them
            new Operation("logPrediction", given(PLATFORM),
                    "mutation { logPrediction(input: {modelName: \"xgb\", modelVersion: \"1\", predictionId: \"p1\", "
                            + "gameName: \"aviator\", platformCode: \"demo\", kind: NEXT_ROUND, threshold: 2, "
                            + "confidence: 0.5}) { duplicate } }",
                    "SELECT count(*) FROM game_predictions", allowed(BOT_A, BOT_B, PREDICTOR, ADMIN)),
            new Operation("predictions", null, "{ predictions { totalCount edges { node { id } } } }", null,
                    allowed(BOT_A, BOT_B, DASHBOARD, PREDICTOR, ADMIN)),
            new Operation("predictionPerformance", null,
                    "{ predictionPerformance(model: \"xgb\", kind: NEXT_ROUND) { decided } }", null,
                    allowed(BOT_A, BOT_B, DASHBOARD, PREDICTOR, ADMIN)),
            // API keys
            new Operation("createApiKey", null,
                    "mutation { createApiKey(input: {label: \"made\", role: DASHBOARD}) { secret } }",
                    "SELECT count(*) FROM api_clients WHERE label = 'made'", allowed(ADMIN)),
            new Operation("revokeApiKey", null,
                    "mutation { revokeApiKey(input: {id: \"%VICTIM%\"}) { apiKey { revokedAt } } }",
                    "SELECT count(*) FROM api_clients WHERE label = 'victim' AND revoked_at IS NOT NULL", allowed(ADMIN)),
            new Operation("apiKeys", null, "{ apiKeys { label } }", null, allowed(ADMIN)),
            // Alerts: rules and channels for the admin, alerts for dashboards too
            new Operation("createAlertRule", null,
                    "mutation { createAlertRule(input: {name: \"made\", kind: BUST}) { rule { id } } }",
                    "SELECT count(*) FROM alert_rules WHERE name = 'made'", allowed(ADMIN)),
            new Operation("updateAlertRule", given(ALERT_RULE),
                    "mutation { updateAlertRule(input: {id: 1, name: \"renamed\", kind: BUST}) { rule { id } } }",
                    "SELECT count(*) FROM alert_rules WHERE name = 'renamed'", allowed(ADMIN)),
            new Operation("deleteAlertRule", given(ALERT_RULE),
                    "mutation { deleteAlertRule(input: {id: 1}) { rule { id } } }",
                    "SELECT 1 - count(*) FROM alert_rules", allowed(ADMIN)),
            new Operation("alertRules", given(ALERT_RULE), "{ alertRules { totalCount } }", null, allowed(ADMIN)),
            new Operation("alertChannels", null, "{ alertChannels { name } }", null, allowed(ADMIN)),
            new Operation("alertDeliveries", null, "{ alertDeliveries { totalCount } }", null, allowed(ADMIN)),
            new Operation("alerts", null, "{ alerts { totalCount } }", null, allowed(DASHBOARD, ADMIN)),
            // Audit trail: the administrator's only
            new Operation("auditTrail", null, "{ auditTrail { totalCount edges { node { action } } } }", null,
                    allowed(ADMIN)));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static List<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(operation, caller));
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void eachCallerGetsExactlyWhatItsRoleAllows(Operation operation, Caller caller) {
        Keys keys = new Keys(port);
        if (operation.given() != null) {
            GraphQlResponse given = new GraphQlClient(port).execute(operation.given());
            assertThat(given.hasErrors()).as("given: " + given.body()).isFalse();
        }
        String document = operation.document().replace("%VICTIM%", keys.victimId);
        if (document.contains("%ROUND_A%")) {
            document = document.replace("%ROUND_A%",
                    jdbc.queryForObject("SELECT id::text FROM crash_game_rounds WHERE bot_id = 'bot_a'", String.class));
        }

        GraphQlResponse response = keys.client(caller, port).execute(document);

        Outcome expected = operation.expected().apply(caller);
        switch (expected) {
            case ALLOWED -> {
                assertThat(response.hasErrors()).as(response.body()).isFalse();
                assertThat(response.status()).isEqualTo(200);
            }
            case UNAUTHORIZED -> {
                assertThat(response.status()).as(response.body()).isEqualTo(401);
                assertThat(response.classifications()).containsExactly("UNAUTHORIZED");
            }
            case FORBIDDEN -> {
                assertThat(response.classifications()).as(response.body()).containsExactly("FORBIDDEN");
                assertThat(response.json().path("data").isMissingNode() || response.json().path("data").isNull())
                        .as(response.body()).isTrue();
            }
        }
        if (operation.rowsWritten() != null) {
            assertThat(jdbc.queryForObject(operation.rowsWritten(), Integer.class))
                    .as("rows written by " + operation + " for " + caller)
                    .isEqualTo(expected == Outcome.ALLOWED ? 1 : 0);
        }
    }

    @Test
    void aBotKeyCannotSlipAnotherBotsWriteIntoADocumentWithItsOwn() {
        String botA = new TestApiKeys(port).bot("bot_a");

        GraphQlResponse response = new GraphQlClient(port).withApiKey(botA).execute("""
                mutation {
                  mine: registerBot(input: {botId: "bot_a"}) { registration }
                  theirs: registerBot(input: {botId: "bot_b"}) { registration }
                }
                """);

        assertThat(response.classifications()).containsExactly("FORBIDDEN");
        assertThat(response.errors().get(0).path("path").get(0).asString()).isEqualTo("theirs");
        assertThat(response.errors().get(0).path("extensions").path("field").asString()).isEqualTo("input.botId");
        assertThat(response.errors().get(0).path("message").asString()).contains("bot_b");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class))
                .as("the whole document is refused: not even the bot's own registration runs").isZero();
    }

    @Test
    void aBotKeyBoundToSeveralBotsActsForEachOfThem() {
        GraphQlClient fleet = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot("bot_a", "bot_b"));

        GraphQlResponse response = fleet.execute("""
                mutation {
                  a: registerBot(input: {botId: "bot_a"}) { registration }
                  b: registerBot(input: {botId: "bot_b"}) { registration }
                }
                """);

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isEqualTo(2);
    }

    @Test
    void theBotIdInAVariableIsCheckedLikeALiteral() {
        GraphQlClient botA = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot("bot_a"));

        GraphQlResponse response = botA.execute("mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }",
                Map.of("input", Map.of("botId", "bot_b")));

        assertThat(response.classifications()).containsExactly("FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isZero();
    }

    @Test
    void everyOperationOfTheSchemaHasARowInThisMatrix() {
        Set<String> inMatrix = new java.util.HashSet<>();
        OPERATIONS.forEach(operation -> inMatrix.add(operation.name().split("[ (]")[0]));
        Set<String> declared = new java.util.HashSet<>();
        // Subscriptions run over WebSocket, not in this HTTP matrix: LiveSubscriptionsIT and PredictionFeedIT hold them
        // to their keys.
        GatewayAccessPolicies.declared().coordinates().stream().filter(c -> !c.startsWith("Subscription."))
                .forEach(c -> declared.add(c.substring(c.indexOf('.') + 1)));

        assertThat(inMatrix).containsAll(declared);
    }

    /** What a caller should get. */
    enum Outcome { ALLOWED, UNAUTHORIZED, FORBIDDEN }

    /**
     * One row of the matrix.
     *
     * @param given       a mutation the test admin runs first (the data the operation needs), or null
     * @param rowsWritten SQL counting the rows the operation writes (1 when allowed, 0 when refused); null for reads
     */
    record Operation(String name, String given, String document, String rowsWritten,
                     Function<Caller, Outcome> expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** One mutation that makes, in order, what an operation needs. */
    private static String given(String... mutations) {
        return "mutation { " + String.join(" ", mutations) + " }";
    }

    /** Only these valid keys are allowed; no key or a revoked one is 401; every other valid key is FORBIDDEN. */
    private static Function<Caller, Outcome> allowed(Caller... callers) {
        Set<Caller> allowed = EnumSet.noneOf(Caller.class);
        allowed.addAll(List.of(callers));
        return caller -> switch (caller) {
            case ANONYMOUS, REVOKED -> Outcome.UNAUTHORIZED;
            default -> allowed.contains(caller) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        };
    }

    /** The keys of one cell, issued through the API into the freshly emptied database (in two requests). */
    private static final class Keys {

        private static final String ISSUE = """
                mutation {
                  revoked: createApiKey(input: {label: "revoked", role: BOT, botIds: ["bot_a"]}) { secret apiKey { id } }
                  botA: createApiKey(input: {label: "bot a", role: BOT, botIds: ["bot_a"]}) { secret }
                  botB: createApiKey(input: {label: "bot b", role: BOT, botIds: ["bot_b"]}) { secret }
                  dashboard: createApiKey(input: {label: "dashboard", role: DASHBOARD}) { secret }
                  predictor: createApiKey(input: {label: "predictor", role: PREDICTOR}) { secret }
                  victim: createApiKey(input: {label: "victim", role: DASHBOARD}) { apiKey { id } }
                }
                """;

        private final Map<Caller, String> byCaller = new EnumMap<>(Caller.class);
        private final String victimId;

        Keys(int port) {
            GraphQlClient admin = new GraphQlClient(port);
            GraphQlResponse issued = admin.execute(ISSUE);
            assertThat(issued.hasErrors()).as(issued.body()).isFalse();
            byCaller.put(Caller.REVOKED, issued.data("revoked.secret").asString());
            byCaller.put(BOT_A, issued.data("botA.secret").asString());
            byCaller.put(BOT_B, issued.data("botB.secret").asString());
            byCaller.put(DASHBOARD, issued.data("dashboard.secret").asString());
            byCaller.put(PREDICTOR, issued.data("predictor.secret").asString());
            byCaller.put(ADMIN, TestApiKeys.ADMIN);
            victimId = issued.data("victim.apiKey.id").asString();
            GraphQlResponse revoked = admin.execute("mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { id } } }",
                    Map.of("id", issued.data("revoked.apiKey.id").asString()));
            assertThat(revoked.hasErrors()).as(revoked.body()).isFalse();
        }

        GraphQlClient client(Caller caller, int port) {
            return caller == Caller.ANONYMOUS ? GraphQlClient.anonymous(port)
                    : new GraphQlClient(port).withApiKey(byCaller.get(caller));
        }
    }
}
