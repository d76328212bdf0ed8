package com.crashanalytics.api.diagnostics;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** logError and logOcrValidation over HTTP. */
@GatewayIntegrationTest
class DiagnosticsIT {

    static final String LOG_ERROR = """
            mutation($input: LogErrorInput!) {
              logError(input: $input) {
                duplicate
                error { id botId sessionId roundId roundNumber clientEventId errorType severity errorMessage stackTrace
                        recoveryAction recoverySuccessful context timestamp }
              }
            }
            """;
    static final String LOG_OCR = """
            mutation($input: LogOcrValidationInput!) {
              logOcrValidation(input: $input) {
                duplicate
                ocrValidation { id botId sessionId roundId roundNumber clientEventId fieldName rawOcrText cleanedValue
                                expectedValue confidence validationStatus screenshotReferenceId processingTimeMs timestamp }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void aBotInAnActiveSession() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc).activeSession();
    }

    static Map<String, Object> ocrError() {
        return Map.of("botId", BOT, "sessionId", SESSION, "roundNumber", 1, "clientEventId", "evt-1",
                "errorType", "ocr_error", "errorMessage", "Failed to read multiplier",
                "recoveryAction", "Retry with preprocessing", "recoverySuccessful", true,
                "context", Map.of("region", Map.of("x", 10, "y", 20)));
    }

    @Test
    void logsAnErrorOfARoundAndLinksTheRoundWhenItIsLogged() {
        String roundId = ok(writePath.logRound(round(1, "ERROR", null, null, null))).data("logRound.round.id").asString();

        JsonNode error = ok(client.execute(LOG_ERROR, Map.of("input", ocrError()))).data("logError.error");

        assertThat(error.path("roundId").asString()).isEqualTo(roundId);
        assertThat(error.path("severity").asString()).isEqualTo("ERROR");
        assertThat(error.path("context").path("region").path("y").asInt()).isEqualTo(20);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM error_logs");
        assertThat(row.get("round_number")).isEqualTo(1);
        assertThat(row.get("recovery_action")).isEqualTo("Retry with preprocessing");
    }

    @Test
    void anErrorMayBelongToNoSessionOrToARoundThatNeverMadeIt() {
        JsonNode alone = ok(client.execute(LOG_ERROR, Map.of("input", Map.of("botId", BOT, "errorType", "startup",
                "severity", "CRITICAL")))).data("logError.error");
        JsonNode lostRound = ok(client.execute(LOG_ERROR, Map.of("input", Map.of("botId", BOT, "sessionId", SESSION,
                "roundNumber", 7, "errorType", "network")))).data("logError.error");

        assertThat(alone.path("sessionId").isNull()).isTrue();
        assertThat(alone.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(lostRound.path("roundId").isNull()).isTrue();
        assertThat(lostRound.path("roundNumber").asInt()).isEqualTo(7);
        assertThat(writePath.count("error_logs")).isEqualTo(2);
    }

    @Test
    void aClientEventIdMakesRetriesHarmless() {
        JsonNode first = ok(client.execute(LOG_ERROR, Map.of("input", ocrError()))).data("logError");
        JsonNode again = ok(client.execute(LOG_ERROR, Map.of("input", ocrError()))).data("logError");
        GraphQlResponse changed = client.execute(LOG_ERROR, Map.of("input", with(ocrError(), "errorMessage", "other")));
        ok(client.execute(LOG_ERROR, Map.of("input", Map.of("botId", BOT, "errorType", "no_id"))));
        ok(client.execute(LOG_ERROR, Map.of("input", Map.of("botId", BOT, "errorType", "no_id"))));

        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("error").path("id")).isEqualTo(first.path("error").path("id"));
        refused(changed, "CONFLICT", "input.clientEventId", "CONFLICT");
        // without a client event id every call is a new event
        assertThat(writePath.count("error_logs")).isEqualTo(3);
    }

    @Test
    void badErrorsAreRefused() {
        Map<String, Integer> before = writePath.rowCounts();
        refused(client.execute(LOG_ERROR, Map.of("input", with(ocrError(), "botId", "nobody"))), "NOT_FOUND",
                "input.botId", "MUST_EXIST");
        refused(client.execute(LOG_ERROR, Map.of("input", with(ocrError(), "sessionId", "nope"))), "NOT_FOUND",
                "input.sessionId", "MUST_EXIST");
        refused(client.execute(LOG_ERROR, Map.of("input", Map.of("botId", BOT, "roundNumber", 1, "errorType", "x"))),
                "BAD_REQUEST", "input.roundNumber", "NEEDS_SESSION");
        refused(client.execute(LOG_ERROR, Map.of("input", with(ocrError(), "errorMessage", "a\u0000b"))),
                "BAD_REQUEST", "input.errorMessage", "NO_NUL_CHARACTERS");
        refused(client.execute(LOG_ERROR, Map.of("input", with(ocrError(), "context", Map.of("x", "y".repeat(70_000))))),
                "BAD_REQUEST", "input.context", "MAX_SIZE");
        refused(client.execute(LOG_ERROR, Map.of("input", with(ocrError(), "timestamp", "2099-01-01T00:00:00Z"))),
                "BAD_REQUEST", "input.timestamp", "NOT_IN_FUTURE");
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }

    @Test
    void logsOcrReadsIdempotentlyByClientEventId() {
        ok(writePath.logRound(round(1, "LOSS", "10", "1.50", null)));
        Map<String, Object> read = with(Map.of("botId", BOT, "sessionId", SESSION, "roundNumber", 1,
                "clientEventId", "ocr-1", "fieldName", "crash_multiplier", "rawOcrText", "1.5Ox", "cleanedValue", "1.50",
                "expectedValue", "1.50", "confidence", 0.71, "validationStatus", "CORRECTED"), "processingTimeMs", 38);

        JsonNode first = ok(client.execute(LOG_OCR, Map.of("input", read))).data("logOcrValidation");
        JsonNode again = ok(client.execute(LOG_OCR, Map.of("input", read))).data("logOcrValidation");
        GraphQlResponse changed = client.execute(LOG_OCR, Map.of("input", with(read, "validationStatus", "VALID")));
        GraphQlResponse badConfidence = client.execute(LOG_OCR, Map.of("input", with(read, "clientEventId", "ocr-2",
                "confidence", 1.5)));

        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(first.path("ocrValidation").path("roundId").isNull()).isFalse();
        assertThat(first.path("ocrValidation").path("cleanedValue").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        refused(changed, "CONFLICT", "input.clientEventId", "CONFLICT");
        refused(badConfidence, "BAD_REQUEST", "input.confidence", "UNIT_INTERVAL");
        assertThat(writePath.count("ocr_validation_logs")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT raw_ocr_text FROM ocr_validation_logs", String.class)).isEqualTo("1.5Ox");
    }
}
