package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.testing.WritePath.CONFIGURE_PLATFORM;
import static com.crashanalytics.api.testing.WritePath.START_SESSION;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The leaderboard ranks within one currency. A USD bot makes +100.00 on dafabet (USD, the default); an INR bot
 * makes +5000 on a platform configured in INR. Added up, the INR bot would lead by its bigger number; ranked in USD
 * only the USD bot is there, in INR only the INR one, and with both currencies present the caller must choose.
 */
@GatewayIntegrationTest
class LeaderboardCurrencyIT {

    static final String LEADERBOARD = """
            query($currency: String) { leaderboard(currency: $currency) { position botId totalProfitLoss currency } }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void botsRankWithinOneCurrency() {
        GraphQlClient client = new GraphQlClient(port);
        WritePath writePath = new WritePath(client, jdbc).activeSession();
        ok(writePath.logRound(round(1, "WIN", "100", "3.00", "2.00")));
        JsonNode onlyUsd = ok(client.execute(LEADERBOARD, Map.of())).data("leaderboard");
        assertThat(onlyUsd.get(0).path("currency").asString()).isEqualTo("USD");

        writePath.registerBot("inr_bot");
        ok(client.execute(CONFIGURE_PLATFORM, Map.of("input",
                Map.of("gameName", "aviator", "platformCode", "rupee_casino", "currency", "INR"))));
        ok(client.execute(START_SESSION, Map.of("input", Map.of("botId", "inr_bot", "sessionId", "inr_s1",
                "gameName", "aviator", "platformCode", "rupee_casino", "initialBalance", "100000"))));
        ok(writePath.logRound(with(round(1, "WIN", "5000", "3.00", "2.00"), "botId", "inr_bot", "sessionId", "inr_s1")));

        refused(client.execute(LEADERBOARD, Map.of()), "BAD_REQUEST", "currency", "ONE_CURRENCY");
        JsonNode usd = ok(client.execute(LEADERBOARD, Map.of("currency", "USD"))).data("leaderboard");
        JsonNode inr = ok(client.execute(LEADERBOARD, Map.of("currency", "INR"))).data("leaderboard");

        assertThat(usd).hasSize(1);
        assertThat(usd.get(0).path("botId").asString()).isEqualTo(WritePath.BOT);
        assertThat(usd.get(0).path("totalProfitLoss").decimalValue()).isEqualByComparingTo("100");
        assertThat(usd.get(0).path("currency").asString()).isEqualTo("USD");
        assertThat(inr).hasSize(1);
        assertThat(inr.get(0).path("botId").asString()).isEqualTo("inr_bot");
        assertThat(inr.get(0).path("totalProfitLoss").decimalValue()).isEqualByComparingTo("5000");
        assertThat(inr.get(0).path("currency").asString()).isEqualTo("INR");

        // Bot.statistics, gameStatistics and strategies filter by currency and say which one their money is in
        GraphQlResponse answer = ok(client.execute("""
                {
                  mixed: gameStatistics(game: "aviator") { currency totalProfitLoss }
                  usd: gameStatistics(game: "aviator", currency: "USD") { currency totalProfitLoss maxDrawdown { amount } }
                  inr: gameStatistics(game: "aviator", currency: "INR") { currency totalProfitLoss }
                  bot(botId: "inr_bot") {
                    all: statistics { currency totalProfitLoss }
                    inr: statistics(currency: "INR") { currency totalProfitLoss equitySharpeRatio }
                    usd: statistics(currency: "USD") { currency rounds }
                  }
                  strategies(currency: "INR") { performance { currency totalProfitLoss } }
                }"""));
        assertThat(answer.data("mixed").path("currency").isNull()).isTrue();
        assertThat(answer.data("mixed").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("5100");
        assertThat(answer.data("usd").path("currency").asString()).isEqualTo("USD");
        assertThat(answer.data("usd").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("100");
        assertThat(answer.data("inr").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("5000");
        JsonNode bot = answer.data("bot");
        assertThat(bot.path("all").path("currency").isNull()).isTrue();
        assertThat(bot.path("inr").path("currency").asString()).isEqualTo("INR");
        assertThat(bot.path("inr").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("5000");
        assertThat(bot.path("usd").path("rounds").asInt()).isZero();
        JsonNode strategies = answer.data("strategies");
        assertThat(strategies).hasSize(1);
        assertThat(strategies.get(0).path("performance").path("currency").asString()).isEqualTo("INR");
        assertThat(strategies.get(0).path("performance").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("5000");
    }
}
