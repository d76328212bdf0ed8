package com.crashanalytics.api.lifecycle;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.round;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** {@code databaseSize} over HTTP: sizes that add up, a table logged into shows its rows, ADMIN keys only. */
@GatewayIntegrationTest
class DatabaseSizeIT {

    static final String SIZE = """
            { databaseSize { totalBytes tables { table estimatedRows dataBytes indexBytes totalBytes } } }""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableIsDataPlusIndexesAndTheDatabaseHoldsThemAll() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writes = new WritePath(client, jdbc).activeSession();
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            rounds.add(round(n, "LOSS", "1", "1.10", null));
        }
        ok(writes.logRounds(rounds));
        // The estimate is the planner's: refreshed by ANALYZE (autovacuum runs it in time; here, at once).
        jdbc.execute("ANALYZE crash_game_rounds");

        JsonNode size = ok(client.execute(SIZE)).data("databaseSize");

        Map<String, JsonNode> tables = new HashMap<>();
        long sumOfTables = 0;
        long previousTotal = Long.MAX_VALUE;
        for (JsonNode table : size.get("tables")) {
            tables.put(table.get("table").asString(), table);
            long data = table.get("dataBytes").asLong();
            long indexes = table.get("indexBytes").asLong();
            long total = table.get("totalBytes").asLong();
            assertThat(total).as(table.toString()).isEqualTo(data + indexes);
            assertThat(total).as("largest first").isLessThanOrEqualTo(previousTotal);
            previousTotal = total;
            sumOfTables += total;
        }
        assertThat(tables).containsKeys("crash_game_rounds", "session_logs", "bot_vm_registration",
                "analytics_round_outcomes", "error_logs", "round_totals_hourly", "databasechangelog");
        JsonNode rounds40 = tables.get("crash_game_rounds");
        assertThat(rounds40.get("estimatedRows").asLong()).isEqualTo(40);
        assertThat(rounds40.get("dataBytes").asLong()).isPositive();
        assertThat(rounds40.get("indexBytes").asLong()).as("its primary key and query indexes").isPositive();
        assertThat(size.get("totalBytes").asLong()).isGreaterThanOrEqualTo(sumOfTables).isPositive();
    }

    @Test
    void onlyAdminKeysMaySeeIt() {
        new WritePath(new GraphQlClient(port), jdbc).registerBot("aviator_bot_001");
        TestApiKeys keys = new TestApiKeys(port);
        for (String key : List.of(keys.dashboard(), keys.bot("aviator_bot_001"))) {
            GraphQlResponse refused = new GraphQlClient(port).withApiKey(key).execute(SIZE);
            assertThat(refused.errors().get(0).at("/extensions/classification").asString()).as(refused.body())
                    .isEqualTo("FORBIDDEN");
            assertThat(refused.json().path("data").path("databaseSize").isMissingNode()
                    || refused.json().path("data").path("databaseSize").isNull()).isTrue();
        }
    }
}
