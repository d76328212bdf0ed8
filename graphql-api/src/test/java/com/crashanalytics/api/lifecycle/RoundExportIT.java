package com.crashanalytics.api.lifecycle;

import static com.crashanalytics.api.testing.WritePath.BOT;
import static com.crashanalytics.api.testing.WritePath.SESSION;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.lifecycle.RoundExportColumns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The round exports over HTTP on a hand-made fixture of four rounds logged through the API:
 * <pre>
 *  time (2026-11-20)  bot              session   platform  strategy     round  outcome  stake  crash  cash-out
 *  14:00              aviator_bot_001  S (main)  dafabet   compound     1      WIN      10     2.10   1.50   2 samples, 1 signal
 *  14:01              aviator_bot_001  S (main)  dafabet   martingale   2      LOSS     20     1.10   -
 *  14:02              aviator_bot_001  betway_1  betway    compound     1      SKIP     -      1.50   -
 *  14:03              jetx_bot_002     other_1   dafabet   compound     1      WIN      5      3.00   2.00
 * </pre>
 * Round 1's OCR text {@code 1,50x "approx"} holds a comma and quotes, which CSV must quote and double.
 */
@GatewayIntegrationTest
class RoundExportIT {

    /** Numbers read exactly as written (10.00000000 stays that, not 10.0). */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    static final String OCR_TEXT = "1,50x \"approx\"";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Downloads downloads;

    @BeforeEach
    void logTheFixture() {
        downloads = new Downloads(port);
        GraphQlClient client = new GraphQlClient(port);
        WritePath writes = new WritePath(client, jdbc).activeSession();
        writes.registerBot("jetx_bot_002");
        writes.configurePlatform("aviator", "betway");
        ok(client.execute(WritePath.START_SESSION, Map.of("input", Map.of("botId", BOT, "sessionId", "betway_1",
                "gameName", "aviator", "platformCode", "betway", "initialBalance", "500.00"))));
        writes.startSession("jetx_bot_002", "other_1", "100.00");
        ok(writes.logRounds(List.of(
                with(round(1, "WIN", "10", "2.10", "1.50"), "roundStartTimestamp", "2026-11-20T14:00:00Z",
                        "strategyName", "compound", "ocrText", OCR_TEXT,
                        "multiplierSamples", List.of(Map.of("multiplier", "1.20", "sampleIndex", 0),
                                Map.of("multiplier", "1.50", "sampleIndex", 1)),
                        "signals", List.of(Map.of("signalType", "ml", "confidenceScore", 0.7, "predictedMultiplier", "2.00"))),
                with(round(2, "LOSS", "20", "1.10", null), "roundStartTimestamp", "2026-11-20T14:01:00Z",
                        "strategyName", "martingale"),
                with(round(1, "SKIP", null, "1.50", null), "sessionId", "betway_1",
                        "roundStartTimestamp", "2026-11-20T14:02:00Z", "strategyName", "compound"),
                with(round(1, "WIN", "5", "3.00", "2.00"), "botId", "jetx_bot_002", "sessionId", "other_1",
                        "roundStartTimestamp", "2026-11-20T14:03:00Z", "strategyName", "compound"))));
    }

    @Test
    void ndjsonHoldsEveryRoundOldestFirstWithItsSamplesSignalsAndOutcomeInTheDocumentedColumnOrder() {
        HttpResponse<String> export = downloads.get("/exports/rounds.ndjson");

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        List<JsonNode> rows = lines(export.body());
        assertThat(rows).extracting(row -> row.get("round_start_timestamp").asString()).containsExactly(
                "2026-11-20T14:00:00+00:00", "2026-11-20T14:01:00+00:00", "2026-11-20T14:02:00+00:00",
                "2026-11-20T14:03:00+00:00");
        JsonNode first = rows.get(0);
        assertThat(first.propertyNames()).containsExactlyElementsOf(RoundExportColumns.NAMES);
        assertThat(first.get("bot_id").asString()).isEqualTo(BOT);
        assertThat(first.get("session_id").asString()).isEqualTo(SESSION);
        assertThat(first.get("platform_code").asString()).isEqualTo("dafabet");
        assertThat(first.get("round_number").asInt()).isEqualTo(1);
        assertThat(first.get("round_outcome").asString()).isEqualTo("WIN");
        assertThat(first.get("stake_value").decimalValue()).isEqualByComparingTo("10");
        assertThat(first.get("crash_multiplier_detected").decimalValue()).isEqualByComparingTo("2.10");
        assertThat(first.get("cashout_multiplier").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(first.get("profit_loss_amount").decimalValue()).as("10 x (1.50 - 1)").isEqualByComparingTo("5.00");
        assertThat(first.get("win_streak_length").asInt()).as("from analytics_round_outcomes").isEqualTo(1);
        assertThat(first.get("ocr_raw_text").asString()).isEqualTo(OCR_TEXT);
        assertThat(first.get("round_external_id").isNull()).isTrue();
        assertThat(first.get("multipliers")).extracting(sample -> sample.get("multiplier").decimalValue().toPlainString())
                .containsExactly("1.2000", "1.5000");
        assertThat(first.get("multipliers").get(1).get("sample_index").asInt()).isEqualTo(1);
        assertThat(first.get("signals")).hasSize(1);
        assertThat(first.get("signals").get(0).get("signal_type").asString()).isEqualTo("ml");
        assertThat(first.get("signals").get(0).get("confidence_score").asDouble()).isEqualTo(0.7);
        assertThat(first.get("signals").get(0).get("predicted_multiplier").decimalValue()).isEqualByComparingTo("2.00");
        JsonNode second = rows.get(1);
        assertThat(second.get("profit_loss_amount").decimalValue()).isEqualByComparingTo("-20");
        assertThat(second.get("loss_streak_length").asInt()).isEqualTo(1);
        assertThat(second.get("multipliers")).isEmpty();
        assertThat(second.get("signals")).isEmpty();
    }

    @Test
    void everyFilterNarrowsTheRowsAndFiltersCombine() {
        assertThat(roundsOf("")).containsExactly("main#1", "main#2", "betway_1#1", "other_1#1");
        assertThat(roundsOf("?botId=" + BOT)).containsExactly("main#1", "main#2", "betway_1#1");
        assertThat(roundsOf("?sessionId=betway_1")).containsExactly("betway_1#1");
        assertThat(roundsOf("?gameName=aviator")).hasSize(4);
        assertThat(roundsOf("?gameName=jetx")).isEmpty();
        assertThat(roundsOf("?platformCode=betway")).containsExactly("betway_1#1");
        assertThat(roundsOf("?strategy=martingale")).containsExactly("main#2");
        assertThat(roundsOf("?from=2026-11-20T14:01:00Z&to=2026-11-20T14:03:00Z"))
                .as("from inclusive, to exclusive").containsExactly("main#2", "betway_1#1");
        assertThat(roundsOf("?from=2026-11-20T15:02:00%2B01:00")).as("an offset other than Z")
                .containsExactly("betway_1#1", "other_1#1");
        assertThat(roundsOf("?botId=" + BOT + "&strategy=compound")).containsExactly("main#1", "betway_1#1");
    }

    @Test
    void csvHasTheHeaderInColumnOrderQuotesWhatNeedsItAndAgreesWithNdjsonCellForCell() {
        HttpResponse<String> export = downloads.get("/exports/rounds.csv?botId=" + BOT);

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(export.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"rounds.csv\"");
        assertThat(export.body()).startsWith(String.join(",", RoundExportColumns.NAMES) + "\r\n");
        assertThat(export.body()).contains(",\"1,50x \"\"approx\"\"\",");
        List<List<String>> records = parseCsv(export.body());
        assertThat(records).hasSize(4);
        assertThat(records.get(0)).containsExactlyElementsOf(RoundExportColumns.NAMES);
        List<JsonNode> ndjson = lines(downloads.get("/exports/rounds.ndjson?botId=" + BOT).body());
        for (int row = 0; row < 3; row++) {
            List<String> cells = records.get(row + 1);
            JsonNode object = ndjson.get(row);
            for (int column = 0; column < RoundExportColumns.NAMES.size(); column++) {
                JsonNode value = object.get(RoundExportColumns.NAMES.get(column));
                String cell = cells.get(column);
                String name = RoundExportColumns.NAMES.get(column);
                if (value.isNull()) {
                    assertThat(cell).as(name).isEmpty();
                } else if ((value.isArray() || value.isObject())) {
                    assertThat(JSON.readTree(cell)).as(name).isEqualTo(value);
                } else {
                    assertThat(cell).as(name).isEqualTo(value.isString() ? value.asString()
                            : value.isNumber() ? value.decimalValue().toPlainString() : value.toString());
                }
            }
        }
        assertThat(records.get(1).get(RoundExportColumns.NAMES.indexOf("ocr_raw_text"))).isEqualTo(OCR_TEXT);
    }

    @Test
    void badParametersAreAnswered400NamingTheParameterAndTheRule() {
        assertRefused("/exports/rounds.csv?from=yesterday", "from", "DATE_TIME");
        assertRefused("/exports/rounds.ndjson?from=2026-11-20T14:00:00Z&to=2026-11-20T14:00:00Z", "to", "AFTER_FROM");
        assertRefused("/exports/rounds.ndjson?bot_id=" + BOT, "bot_id", "UNKNOWN_PARAMETER");
        assertRefused("/exports/rounds.ndjson?sessionId=", "sessionId", "NOT_BLANK");
        assertRefused("/exports/rounds.ndjson?to=2026-11-20", "to", "DATE_TIME");
    }

    @Test
    void dashboardAndAdminKeysMayExportBotKeysMayNot() {
        TestApiKeys keys = new TestApiKeys(port);
        assertThat(downloads.get("/exports/rounds.csv", keys.dashboard()).statusCode()).isEqualTo(200);
        HttpResponse<String> bot = downloads.get("/exports/rounds.ndjson?botId=" + BOT, keys.bot(BOT));
        assertThat(bot.statusCode()).isEqualTo(403);
        assertThat(bot.body()).doesNotContain("round_id");
        assertThat(downloads.get("/exports/rounds.ndjson", null).statusCode()).isEqualTo(401);
    }

    private List<String> roundsOf(String query) {
        HttpResponse<String> export = downloads.get("/exports/rounds.ndjson" + query);
        assertThat(export.statusCode()).as(query + ": " + export.body()).isEqualTo(200);
        return lines(export.body()).stream().map(row -> {
            String session = row.get("session_id").asString();
            return (session.equals(SESSION) ? "main" : session) + "#" + row.get("round_number").asInt();
        }).toList();
    }

    private void assertRefused(String pathAndQuery, String parameter, String rule) {
        HttpResponse<String> refused = downloads.get(pathAndQuery);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.at("/extensions/field").asString()).as(refused.body()).isEqualTo(parameter);
        assertThat(error.at("/extensions/rule").asString()).as(refused.body()).isEqualTo(rule);
        assertThat(error.get("message").asString()).contains(parameter);
    }

    private static List<JsonNode> lines(String ndjson) {
        return ndjson.lines().map(JSON::readTree).toList();
    }

    /** RFC 4180, written out here so the test does not trust the writer it checks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
