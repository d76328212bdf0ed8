package com.crashanalytics.api.testing;

import static com.crashanalytics.api.testing.WritePath.ok;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Data for the read-path tests, written the way bots write it: through the logging mutations over HTTP. Rounds go
 * in {@code logRounds} batches with their signals nested.
 */
public final class ReadFixtures {

    /** The start of the fixtures' day: every time in them is an offset from it. */
    public static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

    private static final String REGISTER_BOT = """
            mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }
            """;
    private static final String START_SESSION = """
            mutation($input: StartSessionInput!) { startSession(input: $input) { duplicate } }
            """;
    private static final String END_SESSION = """
            mutation($input: EndSessionInput!) { endSession(input: $input) { duplicate } }
            """;
    private static final String LOG_ERROR = """
            mutation($input: LogErrorInput!) { logError(input: $input) { error { id } } }
            """;
    private static final String LOG_OCR = """
            mutation($input: LogOcrValidationInput!) { logOcrValidation(input: $input) { ocrValidation { id } } }
            """;

    private final GraphQlClient client;
    private final List<Map<String, Object>> pendingRounds = new ArrayList<>();

    public ReadFixtures(GraphQlClient client) {
        this.client = client;
    }

    public ReadFixtures bot(String botId, String strategyName) {
        ok(client.execute(REGISTER_BOT, Map.of("input", Map.of("botId", botId, "strategyName", strategyName,
                "initialBalance", "1000", "baseStake", "10", "maxStake", "100"))));
        return this;
    }

    public ReadFixtures platform(String game, String platform) {
        ok(client.execute(WritePath.CONFIGURE_PLATFORM, Map.of("input", Map.of("gameName", game, "platformCode", platform))));
        return this;
    }

    /** A session started at {@code start}, with 1000 to play and the bot's strategy unless {@code strategy} is given. */
    public ReadFixtures session(String botId, String sessionId, String game, String platform, String strategy,
                                Instant start) {
        Map<String, Object> input = new HashMap<>(Map.of("botId", botId, "sessionId", sessionId, "gameName", game,
                "platformCode", platform, "initialBalance", "1000", "startTime", start.toString()));
        if (strategy != null) {
            input.put("strategyName", strategy);
        }
        ok(client.execute(START_SESSION, Map.of("input", input)));
        return this;
    }

    public ReadFixtures endSession(String botId, String sessionId, String status, Instant end) {
        ok(client.execute(END_SESSION, Map.of("input", Map.of("botId", botId, "sessionId", sessionId, "status", status,
                "endTime", end.toString()))));
        return this;
    }

    /**
     * A round queued for the next {@link #flush}: WIN (stake 10 cashed out at 2.00 in a crash at 2.50, +10), LOSS
     * (stake 10, crash at 1.50, −10) or SKIP (no stake, crash at 3.00, 0).
     */
    public static Map<String, Object> round(String botId, String sessionId, int number, String outcome, Instant start) {
        Map<String, Object> round = new HashMap<>();
        round.put("botId", botId);
        round.put("sessionId", sessionId);
        round.put("roundNumber", number);
        round.put("roundOutcome", outcome);
        round.put("roundStartTimestamp", start.toString());
        switch (outcome) {
            case "WIN" -> {
                round.put("stakeValue", "10");
                round.put("cashoutMultiplier", "2.00");
                round.put("crashMultiplier", "2.50");
            }
            case "LOSS" -> {
                round.put("stakeValue", "10");
                round.put("crashMultiplier", "1.50");
            }
            default -> round.put("crashMultiplier", "3.00");
        }
        return round;
    }

    /**
     * Two signals about a round: {@code pre_flight}, confident (0.7) it reaches 2.00, and {@code early_flight},
     * doubtful (0.3) it reaches 5.00, emitted at the round's start and a second later.
     */
    public static Map<String, Object> withSignals(Map<String, Object> round) {
        Instant start = Instant.parse((String) round.get("roundStartTimestamp"));
        round.put("signals", List.of(
                Map.of("signalType", "pre_flight", "confidenceScore", 0.7, "predictedMultiplier", "2.00",
                        "timestamp", start.toString()),
                Map.of("signalType", "early_flight", "confidenceScore", 0.3, "predictedMultiplier", "5.00",
                        "timestamp", start.plusSeconds(1).toString())));
        return round;
    }

    public ReadFixtures queue(Map<String, Object> round) {
        pendingRounds.add(round);
        return this;
    }

    /** Logs the queued rounds, up to 1,000 per request. */
    public ReadFixtures flush() {
        for (int from = 0; from < pendingRounds.size(); from += 1000) {
            List<Map<String, Object>> batch = pendingRounds.subList(from, Math.min(pendingRounds.size(), from + 1000));
            ok(client.execute(WritePath.LOG_ROUNDS, Map.of("input", Map.of("rounds", batch))));
        }
        pendingRounds.clear();
        return this;
    }

    /** An error; {@code sessionId} and {@code roundNumber} may be null. */
    public String error(String botId, String sessionId, Integer roundNumber, String type, String severity,
                        Instant at) {
        Map<String, Object> input = new HashMap<>(Map.of("botId", botId, "errorType", type, "severity", severity,
                "timestamp", at.toString(), "errorMessage", type + " at " + at));
        if (sessionId != null) {
            input.put("sessionId", sessionId);
        }
        if (roundNumber != null) {
            input.put("roundNumber", roundNumber);
        }
        return ok(client.execute(LOG_ERROR, Map.of("input", input))).data("logError.error.id").asString();
    }

    /** An OCR read logged on its own about a round. */
    public ReadFixtures ocrRead(String botId, String sessionId, int roundNumber, String text, String status,
                                Instant at) {
        ok(client.execute(LOG_OCR, Map.of("input", Map.of("botId", botId, "sessionId", sessionId,
                "roundNumber", roundNumber, "fieldName", "crash_multiplier", "rawOcrText", text,
                "validationStatus", status, "timestamp", at.toString()))));
        return this;
    }
}
