package com.crashanalytics.api.round;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@code logRounds} of 64 rounds or more stores its rows by COPY, fewer by inserts (persistence's {@code Batches}):
 * the same rounds logged both ways, over HTTP, leave the same rows in every table they write, value for value. The
 * rounds carry what a bot sends at its oddest: OCR text with tabs, newlines, backslashes and quotes, JSON with escapes,
 * decimals with trailing zeros, start times with nanoseconds, nulls, and samples, signals and OCR reads nested.
 */
@GatewayIntegrationTest
class RoundsStoredByCopyIT {

    private static final String OTHER_BOT = "bot-bound";
    private static final String OTHER_SESSION = "session-bound";
    private static final int ROUNDS = 70;
    private static final Instant START = Instant.parse("2026-11-21T14:03:00.000000499Z");
    /** Columns that differ between the two sessions by design: ids, who and when the gateway received them. */
    private static final String NOT_COMPARED = "ARRAY['id', 'round_id', 'bot_id', 'session_id', 'logged_at', "
            + "'content_fingerprint', 'written_by_key_id', 'created_at']";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    WritePath writePath;

    @BeforeEach
    void twoBotsInActiveSessions() {
        writePath = new WritePath(new GraphQlClient(port), jdbc).activeSession();
        writePath.registerBot(OTHER_BOT);
        writePath.startSession(OTHER_BOT, OTHER_SESSION, "1000.00");
    }

    @Test
    void roundsStoredByCopyEqualTheSameRoundsStoredByInserts() {
        ok(writePath.logRounds(rounds(BOT, SESSION)));
        List<Map<String, Object>> bound = rounds(OTHER_BOT, OTHER_SESSION);
        for (int from = 0; from < ROUNDS; from += 8) {
            ok(writePath.logRounds(bound.subList(from, Math.min(from + 8, ROUNDS))));
        }

        for (String table : List.of("crash_game_rounds", "analytics_round_outcomes", "analytics_round_multipliers",
                "analytics_round_signals", "ocr_validation_logs")) {
            List<String> copied = rowsOf(table, SESSION);
            assertThat(copied).as(table).hasSizeGreaterThanOrEqualTo(ROUNDS);
            assertThat(copied).as("%s: the rows stored by COPY against those stored by inserts", table)
                    .containsExactlyElementsOf(rowsOf(table, OTHER_SESSION));
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT cmin::text) FROM " + table + " WHERE session_id = ?",
                    Integer.class, SESSION)).as("%s: the batch's rows, one command", table).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT ocr_raw_text FROM crash_game_rounds WHERE session_id = ? AND round_number = 7",
                String.class, SESSION)).isEqualTo("line 1\nline 2\ttab \\ backslash \"quoted\" \\N é😀 7");
    }

    /** Each row of the session in {@code table} as JSON, without the columns that differ by design, in order. */
    private List<String> rowsOf(String table, String sessionId) {
        return jdbc.queryForList("SELECT (to_jsonb(t) - " + NOT_COMPARED + ")::text AS row FROM " + table
                + " t WHERE session_id = ? ORDER BY 1", String.class, sessionId);
    }

    private static List<Map<String, Object>> rounds(String botId, String sessionId) {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int n = 1; n <= ROUNDS; n++) {
            Instant start = START.plusSeconds(10L * n).plusNanos(750L * n);
            Map<String, Object> round = n % 3 == 0 ? round(n, "LOSS", "10.50", "1.20", null)
                    : round(n, "WIN", "10.50", "2.10", "1.50");
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("note", "tab\there, backslash \\ and \"quote\"\nnext line");
            metadata.put("stakeShown", "10.50");
            metadata.put("n", n);
            rounds.add(with(round,
                    "botId", botId,
                    "sessionId", sessionId,
                    "roundExternalId", "ext-" + n,
                    "roundStartTimestamp", start.toString(),
                    "roundEndTimestamp", start.plusMillis(8_500).toString(),
                    "strategyName", "compound_1.33x",
                    "strategyStep", n % 4,
                    "targetMultiplier", "1.50",
                    "finalMultiplier", n % 3 == 0 ? null : "1.50",
                    "multiplierSource", "ocr\\primary",
                    "ocrText", "line 1\nline 2\ttab \\ backslash \"quoted\" \\N é😀 " + n,
                    "ocrCleanedValue", "2.10",
                    "ocrConfidence", 0.875,
                    "cashoutDetectionConfidence", n % 2 == 0 ? null : 1.0E-5,
                    "screenshotReferenceId", "shots/" + n + ".png",
                    "errorDescription", n % 5 == 0 ? "retried\r\nonce" : null,
                    "recoveryActionTaken", n % 5 == 0 ? "click again" : null,
                    "retryCount", n % 5 == 0 ? 1 : 0,
                    "metadata", metadata,
                    "multiplierSamples", List.of(
                            Map.of("multiplier", "1.00", "timestamp", start.toString(), "elapsedMs", 0),
                            Map.of("multiplier", "1.200", "timestamp", start.plusMillis(1_250).toString(),
                                    "elapsedMs", 1_250, "ocrConfidence", 0.5, "dataQualityScore", 0.9)),
                    "signals", List.of(Map.of("signalType", "pre_flight v2", "confidenceScore", 0.6,
                            "predictedMultiplier", "1.50", "timestamp", start.minusSeconds(1).toString(),
                            "patternType", "after \"three\" lows", "featureVector", Map.of("lows", List.of(1.01, 1.2),
                                    "label", "a\\b"))),
                    "ocrValidations", List.of(Map.of("fieldName", "crash", "rawOcrText", "2.1O\tx",
                            "cleanedValue", "2.10", "confidence", 0.75, "validationStatus", "CORRECTED",
                            "timestamp", start.plusMillis(9_000).toString()))));
        }
        return rounds;
    }
}
