package com.crashanalytics.api.clients;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the JavaScript example ({@code clients/javascript/log-and-read.mjs}, Node's built-in fetch) against this
 * gateway, twice: the first run logs round 1 (10.00 at 1.33x: +3.30) and reads it back, the second is recognised as
 * the same round. Needs {@code node} (18+) on the PATH ({@code .ci/run} installs it when missing); without it this
 * test fails rather than skips.
 */
@GatewayIntegrationTest
class JavaScriptExampleIT {

    private static final Path EXAMPLE = Path.of("..", "clients", "javascript");
    private static final String BOT = "js_bot_001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theExampleLogsARoundAndReadsTheStatisticsBack() throws Exception {
        GraphQlClient admin = new GraphQlClient(port);
        new WritePath(admin, jdbc).configurePlatform("aviator", "dafabet");
        String botKey = new TestApiKeys(port).bot(BOT);

        JsonNode first = run(botKey);
        JsonNode again = run(botKey);

        assertThat(first.path("round").path("duplicate").asBoolean()).isFalse();
        assertThat(first.path("round").path("round").path("profitLoss").decimalValue()).isEqualByComparingTo("3.30");
        assertThat(first.path("session").path("totalRounds").asInt()).isEqualTo(1);
        assertThat(first.path("session").path("currentBalance").decimalValue()).isEqualByComparingTo("1003.30");
        assertThat(first.path("bot").path("totalStaked").decimalValue()).isEqualByComparingTo("10");
        assertThat(first.path("bot").path("roiPercent").decimalValue()).isEqualByComparingTo("33");   // 3.30 / 10
        assertThat(again.path("round").path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("round").path("round").path("id").asString())
                .isEqualTo(first.path("round").path("round").path("id").asString());
        assertThat(ok(admin.execute("query($id: ID!) { bot(botId: $id) { statistics { rounds } } }", Map.of("id", BOT)))
                .data("bot.statistics.rounds").asInt()).isEqualTo(1);
    }

    /** One run of the example; answers what it printed, as JSON. */
    private JsonNode run(String botKey) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "log-and-read.mjs").directory(EXAMPLE.toFile());
        node.environment().put("CRASH_GATEWAY_URL", "http://localhost:" + port);
        node.environment().put("CRASH_GATEWAY_API_KEY", botKey);
        node.environment().put("CRASH_GATEWAY_BOT", BOT);
        node.environment().put("CRASH_GATEWAY_PLATFORM", "dafabet");
        File output = File.createTempFile("javascript-example", ".json");
        File errors = File.createTempFile("javascript-example", ".log");
        node.redirectOutput(output).redirectError(errors);

        Process run = node.start();
        boolean finished = run.waitFor(2, TimeUnit.MINUTES);
        String printed = Files.readString(output.toPath(), StandardCharsets.UTF_8);
        String logged = Files.readString(errors.toPath(), StandardCharsets.UTF_8);

        assertThat(finished).as("the example finished within 2 minutes").isTrue();
        assertThat(run.exitValue()).as(printed + logged).isZero();
        return JsonMapper.builder().build().readTree(printed);
    }
}
