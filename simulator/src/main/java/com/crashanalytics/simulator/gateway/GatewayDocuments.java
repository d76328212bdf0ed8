package com.crashanalytics.simulator.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GraphQL documents the client sends, one per operation, each asking only for what the simulator uses. Tests
 * validate every one, with the inputs the simulator fills, against {@code schema.graphqls}, so a change of the
 * contract that breaks the simulator fails the build.
 */
final class GatewayDocuments {

    static final String REGISTER_BOT = """
            mutation RegisterBot($input: RegisterBotInput!) {
              registerBot(input: $input) {
                registration
                bot { botId registeredAt }
              }
            }
            """;

    static final String CONFIGURE_PLATFORM = """
            mutation ConfigurePlatform($input: ConfigurePlatformInput!) {
              configurePlatform(input: $input) {
                registration
                platform { gameName platformCode houseEdgePercent }
              }
            }
            """;

    static final String PLATFORMS = """
            query Platforms {
              platforms { gameName platformCode houseEdgePercent }
            }
            """;

    static final String CREATE_API_KEY = """
            mutation CreateApiKey($input: CreateApiKeyInput!) {
              createApiKey(input: $input) {
                secret
                apiKey { id prefix }
              }
            }
            """;

    static final String REVOKE_API_KEY = """
            mutation RevokeApiKey($input: RevokeApiKeyInput!) {
              revokeApiKey(input: $input) { apiKey { id revokedAt } }
            }
            """;

    static final String SESSION_START = """
            query SessionStart($sessionId: ID!) {
              session(sessionId: $sessionId) { startTime }
            }
            """;

    static final String START_SESSION = """
            mutation StartSession($input: StartSessionInput!) {
              startSession(input: $input) {
                duplicate
                session { status }
              }
            }
            """;

    /** Where a restarted bot left off: its open session, the last round number held, the tracked balance. */
    static final String RESUME = """
            query Resume($botId: ID!, $lastRounds: Int) {
              resume(botId: $botId, lastRounds: $lastRounds) {
                openSession { sessionId }
                lastRoundNumber nextRoundNumber balance
                lastRounds { roundNumber }
              }
            }
            """;

    static final String HEARTBEAT = """
            mutation Heartbeat($input: HeartbeatInput!) {
              heartbeat(input: $input) { receivedAt }
            }
            """;

    static final String LOG_ROUND = """
            mutation LogRound($input: LogRoundInput!) {
              logRound(input: $input) { duplicate }
            }
            """;

    static final String LOG_ROUNDS = """
            mutation LogRounds($input: LogRoundsInput!) {
              logRounds(input: $input) { written duplicates }
            }
            """;

    static final String LOG_ERROR = """
            mutation LogError($input: LogErrorInput!) {
              logError(input: $input) { duplicate }
            }
            """;

    static final String LOG_OCR_VALIDATION = """
            mutation LogOcrValidation($input: LogOcrValidationInput!) {
              logOcrValidation(input: $input) { duplicate }
            }
            """;

    static final String LOG_PREDICTION = """
            mutation LogPrediction($input: LogPredictionInput!) {
              logPrediction(input: $input) { duplicate prediction { status } }
            }
            """;

    static final String END_SESSION = """
            mutation EndSession($input: EndSessionInput!) {
              endSession(input: $input) {
                duplicate
                session { status }
              }
            }
            """;

    /** Every document, by its root field. */
    static final Map<String, String> ALL = all();

    private GatewayDocuments() {
    }

    private static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("registerBot", REGISTER_BOT);
        all.put("configurePlatform", CONFIGURE_PLATFORM);
        all.put("platforms", PLATFORMS);
        all.put("createApiKey", CREATE_API_KEY);
        all.put("revokeApiKey", REVOKE_API_KEY);
        all.put("session", SESSION_START);
        all.put("resume", RESUME);
        all.put("startSession", START_SESSION);
        all.put("heartbeat", HEARTBEAT);
        all.put("logRound", LOG_ROUND);
        all.put("logRounds", LOG_ROUNDS);
        all.put("logError", LOG_ERROR);
        all.put("logOcrValidation", LOG_OCR_VALIDATION);
        all.put("endSession", END_SESSION);
        return Collections.unmodifiableMap(all);
    }
}
