package com.crashanalytics.api.insights;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.round;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Luck or edge end to end: four bets of 10.00 logged over HTTP on aviator/dafabet (house edge 3%, RTP 0.97), then
 * tested for the bot, for its strategy, and in a window whose first hour is partial (read from the rounds) and whose
 * second is whole (read from the hourly totals).
 */
@GatewayIntegrationTest
class LuckOrEdgeIT {

    static final String LUCK = """
            query($botId: ID, $strategy: String, $window: TimeWindow) {
              luckOrEdge(botId: $botId, strategy: $strategy, window: $window) {
                bets meanReturnPerUnit houseEdgeReturnPerUnit excessReturnPerUnit standardError zScore pValue
                confidenceLow95 confidenceHigh95 moreBetsToTellAt5Percent moreBetsToTellAt1Percent verdict
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void threeWinsInFourBetsAreLuckNotEdge() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writePath = new WritePath(client, jdbc).activeSession();
        // r = P/L ÷ stake: WIN at 2.00 → +10/10 = +1, LOSS → −10/10 = −1.
        ok(writePath.logRound(at(round(1, "WIN", "10", "3.00", "2.00"), "2026-03-02T10:10:00Z")));  // +1
        ok(writePath.logRound(at(round(2, "LOSS", "10", "1.50", null), "2026-03-02T10:20:00Z")));   // −1
        ok(writePath.logRound(at(round(3, "WIN", "10", "2.50", "2.00"), "2026-03-02T11:10:00Z")));  // +1
        ok(writePath.logRound(at(round(4, "WIN", "10", "4.00", "2.00"), "2026-03-02T12:30:00Z")));  // +1

        // All time: Σr = 2, Σr² = 4, n = 4; r̄ = 0.5, s² = (4 − 4/4)/3 = 1, SE = 1/√4 = 0.5; edge 0.97 − 1 = −0.03;
        // z = 0.53/0.5 = 1.06, p = erfc(1.06/√2) = 0.289145; CI 0.5 ± 1.959964·0.5; to tell at 5%:
        // 4·(1.959964/1.06)² = 13.68 → 14, 10 more; at 1%: 4·(2.575829/1.06)² = 23.62 → 24, 20 more.
        JsonNode bot = ok(client.execute(LUCK, Map.of("botId", WritePath.BOT))).data("luckOrEdge");
        assertThat(bot.path("bets").asLong()).isEqualTo(4);
        assertThat(bot.path("meanReturnPerUnit").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(bot.path("houseEdgeReturnPerUnit").asDouble()).isCloseTo(-0.03, within(1e-12));
        assertThat(bot.path("excessReturnPerUnit").asDouble()).isCloseTo(0.53, within(1e-12));
        assertThat(bot.path("standardError").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(bot.path("zScore").asDouble()).isCloseTo(1.06, within(1e-12));
        assertThat(bot.path("pValue").asDouble()).isCloseTo(0.2891445993, within(1e-9));
        assertThat(bot.path("confidenceLow95").asDouble()).isCloseTo(-0.479982, within(1e-6));
        assertThat(bot.path("confidenceHigh95").asDouble()).isCloseTo(1.479982, within(1e-6));
        assertThat(bot.path("moreBetsToTellAt5Percent").asLong()).isEqualTo(10);
        assertThat(bot.path("moreBetsToTellAt1Percent").asLong()).isEqualTo(20);
        assertThat(bot.path("verdict").asString()).isEqualTo("INDISTINGUISHABLE_FROM_LUCK");

        // The strategy's rounds are the bot's: the same answer.
        JsonNode strategy = ok(client.execute(LUCK, Map.of("strategy", "compound_1.33x"))).data("luckOrEdge");
        assertThat(strategy).isEqualTo(bot);

        // 10:15–12:00: the LOSS at 10:20 (partial hour, from the rounds) and the WIN at 11:10 (whole hour, from the
        // hourly totals). Σr = 0, Σr² = 2, n = 2: r̄ = 0, s² = 2/1, SE = √2/√2 = 1, z = 0.03, p = erfc(0.03/√2) = 0.976067.
        JsonNode window = ok(client.execute(LUCK, Map.of("botId", WritePath.BOT,
                "window", Map.of("from", "2026-03-02T10:15:00Z", "to", "2026-03-02T12:00:00Z")))).data("luckOrEdge");
        assertThat(window.path("bets").asLong()).isEqualTo(2);
        assertThat(window.path("meanReturnPerUnit").asDouble()).isCloseTo(0.0, within(1e-12));
        assertThat(window.path("standardError").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(window.path("pValue").asDouble()).isCloseTo(0.9760671, within(1e-7));
    }

    @Test
    void exactlyOneOfBotAndStrategy() {
        GraphQlClient client = new GraphQlClient(port);
        refused(client.execute(LUCK, Map.of()), "BAD_REQUEST", "botId", "EXACTLY_ONE");
        refused(client.execute(LUCK, Map.of("botId", "b", "strategy", "s")), "BAD_REQUEST", "strategy", "EXACTLY_ONE");
    }

    @Test
    void aBotWithoutBetsHasNoTest() {
        GraphQlClient client = new GraphQlClient(port);
        JsonNode none = ok(client.execute(LUCK, Map.of("botId", "nobody"))).data("luckOrEdge");
        assertThat(none.path("bets").asLong()).isZero();
        assertThat(none.path("pValue").isNull()).isTrue();
        assertThat(none.path("verdict").asString()).isEqualTo("TOO_FEW_BETS");
    }

    private static Map<String, Object> at(Map<String, Object> round, String timestamp) {
        return with(round, "roundStartTimestamp", timestamp);
    }
}
