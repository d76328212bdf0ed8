package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.prediction.PredictionFixture.BOT_A;
import static com.crashanalytics.api.prediction.PredictionFixture.BOT_B;
import static com.crashanalytics.api.prediction.PredictionFixture.at;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.crashanalytics.api.prediction.PredictionFixture;
import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The streaks themselves (seed 002's GET /streaks/): the latest ≥ 10x game rounds and the gaps between them. Game
 * rounds at minutes 1 to 6 crash at 12, 1.5, 15, 2, 3 and 10: hits at positions 1, 3 and 6, so the gaps are 2 (1 → 3)
 * and 3 (3 → 6). Both bots log the first one: one game round, observed twice.
 */
@GatewayIntegrationTest
class RecentStreaksIT {

    private static final String STREAKS = """
            query($from: DateTime, $last: Int) {
              streaks(game: "aviator", platform: "dafabet", threshold: 10, window: {from: $from}) {
                hits currentGap
                recentHits(last: $last) { roundId roundExternalId roundStartTimestamp crashMultiplier observations gapBefore }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLatestHitsComeNewestFirstWithTheGapBeforeEach() {
        PredictionFixture game = new PredictionFixture(port, jdbc).twoBotsWatching();
        String first = game.logs(BOT_A, "g1", 1, "12.00");
        game.logs(BOT_B, "g1", 1.02, "12.00");
        game.logs(BOT_A, "g2", 2, "1.50");
        game.logs(BOT_A, "g3", 3, "15.00");
        game.logs(BOT_A, "g4", 4, "2.00");
        game.logs(BOT_A, "g5", 5, "3.00");
        game.logs(BOT_A, "g6", 6, "10.00");
        GraphQlClient client = new GraphQlClient(port);

        JsonNode all = ok(client.execute(STREAKS, Map.of("last", 10))).data("streaks");
        JsonNode hits = all.path("recentHits");
        assertThat(all.path("hits").asInt()).isEqualTo(3);
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).path("roundExternalId").asString()).isEqualTo("g6");
        assertThat(hits.get(0).path("crashMultiplier").decimalValue()).isEqualByComparingTo("10");
        assertThat(hits.get(0).path("gapBefore").asInt()).isEqualTo(3);
        assertThat(hits.get(1).path("roundExternalId").asString()).isEqualTo("g3");
        assertThat(hits.get(1).path("gapBefore").asInt()).isEqualTo(2);
        assertThat(hits.get(2).path("roundId").asString()).isEqualTo(first);
        assertThat(hits.get(2).path("observations").asInt()).isEqualTo(2);
        assertThat(hits.get(2).path("gapBefore").isNull()).isTrue();
        assertThat(hits.get(2).path("roundStartTimestamp").asString()).isNotEmpty();

        JsonNode two = ok(client.execute(STREAKS, Map.of("last", 2))).data("streaks.recentHits");
        assertThat(two).hasSize(2);
        assertThat(two.get(1).path("gapBefore").asInt()).as("its previous hit is read though not listed").isEqualTo(2);

        JsonNode windowed = ok(client.execute(STREAKS, Map.of("last", 10, "from", at(2.5)))).data("streaks.recentHits");
        assertThat(windowed).hasSize(2);
        assertThat(windowed.get(1).path("gapBefore").isNull()).as("the previous hit is outside the window").isTrue();

        refused(client.execute(STREAKS, Map.of("last", 0)), "BAD_REQUEST", "last", "RANGE");
    }
}
