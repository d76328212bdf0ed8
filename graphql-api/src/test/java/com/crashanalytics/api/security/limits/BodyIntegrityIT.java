package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bodies whose bytes are not the text they seem: malformed UTF-8 (overlong forms that decoders used to turn into
 * {@code /}, sequences above U+10FFFF that became {@code ??}), escaped lone surrogates that became {@code ?}, and
 * bodies that are JSON but not an object. Each is a GraphQL-shaped 400 naming the member and the rule, and
 * nothing is stored; well-formed text outside the Basic Multilingual Plane is stored exactly as sent.
 */
@GatewayIntegrationTest
class BodyIntegrityIT {

    private static final byte[] OVERLONG_SLASH = {(byte) 0xC0, (byte) 0xAF};
    private static final byte[] OVERLONG_SLASH_3 = {(byte) 0xE0, (byte) 0x80, (byte) 0xAF};
    private static final byte[] ABOVE_U10FFFF = {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private GraphQlClient client;
    private WritePath writes;

    @BeforeEach
    void connect() {
        client = new GraphQlClient(port);
        writes = new WritePath(client, jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "123", "\"x\"", "true", "", "   ", "{\"query\": ", "{'query': 1}"})
    void aBodyThatIsNoJsonObjectIsAGraphQlShaped400(String body) {
        GraphQlResponse response = client.post(body);

        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.classifications()).as(response.body()).containsExactly("BAD_REQUEST");
        assertThat(response.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("JSON_OBJECT_BODY");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
    }

    @Test
    void anOverlongSlashInABotNameIsRefusedNamingTheField() {
        GraphQlResponse response = postWithRawBytes(
                "{\"query\":\"mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }\","
                        + "\"variables\":{\"input\":{\"botId\":\"utf8_bot\",\"botName\":\"a", OVERLONG_SLASH,
                "b\",\"strategyName\":\"s\",\"initialBalance\":\"100\",\"baseStake\":\"1\",\"maxStake\":\"2\"}}}");

        assertRefused(response, "variables.input.botName", "MALFORMED_UTF8");
        assertThat(jdbc.queryForObject("select count(*) from bot_vm_registration", Integer.class)).isZero();
    }

    @Test
    void aThreeByteOverlongSlashInAnErrorMessageIsRefused() {
        writes.activeSession();
        int errorsBefore = jdbc.queryForObject("select count(*) from error_logs", Integer.class);

        GraphQlResponse response = postWithRawBytes(
                "{\"query\":\"mutation($input: LogErrorInput!) { logError(input: $input) { duplicate } }\","
                        + "\"variables\":{\"input\":{\"botId\":\"" + WritePath.BOT + "\",\"errorType\":\"ocr\","
                        + "\"errorMessage\":\"path ", OVERLONG_SLASH_3, "etc\"}}}");

        assertRefused(response, "variables.input.errorMessage", "MALFORMED_UTF8");
        assertThat(jdbc.queryForObject("select count(*) from error_logs", Integer.class)).isEqualTo(errorsBefore);
    }

    @Test
    void bytesAboveU10FFFFInARoundsOcrTextAreRefused() {
        writes.activeSession();

        GraphQlResponse response = postWithRawBytes(
                "{\"query\":\"mutation($input: LogRoundsInput!) { logRounds(input: $input) { rounds { duplicate } } }\","
                        + "\"variables\":{\"input\":{\"rounds\":[{\"botId\":\"" + WritePath.BOT + "\",\"sessionId\":\""
                        + WritePath.SESSION + "\",\"roundNumber\":1,\"roundOutcome\":\"SKIP\",\"crashMultiplier\":\"2.00\","
                        + "\"ocrText\":\"2.", ABOVE_U10FFFF, "\"}]}}}");

        assertRefused(response, "variables.input.rounds[0].ocrText", "MALFORMED_UTF8");
        assertThat(jdbc.queryForObject("select count(*) from crash_game_rounds", Integer.class)).isZero();
    }

    @Test
    void anEscapedLoneSurrogateIsRefusedNamingTheField() {
        GraphQlResponse response = client.post(
                "{\"query\":\"mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }\","
                        + "\"variables\":{\"input\":{\"botId\":\"utf8_bot\",\"botName\":\"a\\ud800b\","
                        + "\"strategyName\":\"s\",\"initialBalance\":\"100\",\"baseStake\":\"1\",\"maxStake\":\"2\"}}}");

        assertRefused(response, "variables.input.botName", "UNPAIRED_SURROGATE");
        assertThat(jdbc.queryForObject("select count(*) from bot_vm_registration", Integer.class)).isZero();
    }

    @Test
    void aLoneSurrogateInAnInlineArgumentIsRefusedAsPartOfTheQuery() {
        GraphQlResponse response = client.post(
                "{\"query\":\"mutation { registerBot(input: {botId: \\\"utf8_bot\\\", botName: \\\"a\\ud800b\\\","
                        + " strategyName: \\\"s\\\", initialBalance: 100, baseStake: 1, maxStake: 2}) { registration } }\"}");

        assertRefused(response, "query", "UNPAIRED_SURROGATE");
        assertThat(jdbc.queryForObject("select count(*) from bot_vm_registration", Integer.class)).isZero();
    }

    @Test
    void textOutsideTheBasicPlaneIsStoredExactlyAsSent() {
        String name = "Aviator \uD83D\uDE80 bot \u00E9\u4E2D"; // a rocket (a surrogate pair), é, 中
        GraphQlResponse raw = postWithRawBytes(
                "{\"query\":\"mutation($input: RegisterBotInput!) { registerBot(input: $input) { bot { botName } } }\","
                        + "\"variables\":{\"input\":{\"botId\":\"utf8_bot\",\"botName\":\"" + name + "\","
                        + "\"strategyName\":\"s\",\"initialBalance\":\"100\",\"baseStake\":\"1\",\"maxStake\":\"2\"}}}",
                new byte[0], "");
        GraphQlResponse escaped = client.post(
                "{\"query\":\"mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }\","
                        + "\"variables\":{\"input\":{\"botId\":\"utf8_bot\",\"botName\":\"Aviator \\ud83d\\ude80 bot \\u00e9\\u4e2d\","
                        + "\"strategyName\":\"s\",\"initialBalance\":\"100\",\"baseStake\":\"1\",\"maxStake\":\"2\"}}}");

        assertThat(raw.hasErrors()).as(raw.body()).isFalse();
        assertThat(raw.data("registerBot.bot.botName").asString()).isEqualTo(name);
        // The same text sent as JSON escapes is the same registration.
        assertThat(escaped.data("registerBot.registration").asString()).as(escaped.body()).isEqualTo("UNCHANGED");
        assertThat(jdbc.queryForObject("select bot_name from bot_vm_registration where bot_id = 'utf8_bot'", String.class))
                .isEqualTo(name);
    }

    @Test
    void firstMalformedByteIsFoundWhereverItIs() {
        assertThat(GraphQlBodyFilter.firstMalformedUtf8Byte("plain".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(GraphQlBodyFilter.firstMalformedUtf8Byte(concat("ab", OVERLONG_SLASH, ""))).isEqualTo(2);
        assertThat(GraphQlBodyFilter.firstMalformedUtf8Byte(concat("\u00e9", ABOVE_U10FFFF, "x"))).isEqualTo(2);
        assertThat(GraphQlBodyFilter.hasUnpairedSurrogate("a\uD83D\uDE80b")).isFalse();
        assertThat(GraphQlBodyFilter.hasUnpairedSurrogate("a\uDE80b")).isTrue();
        assertThat(GraphQlBodyFilter.hasUnpairedSurrogate("a\uD83D")).isTrue();
    }

    private static void assertRefused(GraphQlResponse response, String field, String rule) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.classifications()).containsExactly("BAD_REQUEST");
        assertThat(response.errors().get(0).path("extensions").path("field").asString()).isEqualTo(field);
        assertThat(response.errors().get(0).path("extensions").path("rule").asString()).isEqualTo(rule);
        assertThat(response.errors().get(0).path("message").asString()).startsWith(field + ": ");
    }

    private GraphQlResponse postWithRawBytes(String before, byte[] bytes, String after) {
        return client.send(HttpRequest.BodyPublishers.ofByteArray(concat(before, bytes, after)));
    }

    private static byte[] concat(String before, byte[] bytes, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
