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
 * Money of two currencies converted into one at an ADMIN's rate. The USD bot (dafabet, USD): WIN 100 at 2x at 10:00
 * (+100), LOSS 50 at 10:10 (−50). The INR bot (rupee_casino, INR): WIN 5000 at 2x at 10:05 (+5000), LOSS 10000 at
 * 10:15 (−10000). INR→USD 0.012 from 2026-01-01. In USD, exactly: the INR bot made (5000 − 10000) × 0.012 = −60 on
 * 15000 × 0.012 = 180 staked; the USD bot +50 on 150.
 */
@GatewayIntegrationTest
class CurrencyConversionIT {

    static final String SET_RATE = """
            mutation($input: SetExchangeRateInput!) {
              setExchangeRate(input: $input) { registration exchangeRate { from to rate validFrom setAt } }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void moneyOfTwoCurrenciesAddsUpInOneAtTheStatedRate() {
        GraphQlClient client = new GraphQlClient(port);
        logTwoCurrencies(client);
        ok(client.execute(SET_RATE, Map.of("input", Map.of("from", "INR", "to", "USD", "rate", "0.012",
                "validFrom", "2026-01-01T00:00:00Z"))));

        GraphQlResponse answer = ok(client.execute("""
                {
                  game: gameStatistics(game: "aviator", convertTo: "USD") {
                    currency rounds totalStaked totalProfitLoss grossWin grossLoss largestWin largestLoss roiPercent
                    maxDrawdown { amount }
                    conversion { currency ratesAt rates { from to rate validFrom } }
                  }
                  inrOnly: gameStatistics(game: "aviator", currency: "INR", convertTo: "USD") { currency totalProfitLoss }
                  fromTenThree: gameStatistics(game: "aviator", window: {from: "2026-03-02T10:03:00Z"}, convertTo: "USD") {
                    totalProfitLoss
                  }
                  usdInUsd: gameStatistics(game: "aviator", currency: "USD", convertTo: "USD") {
                    totalProfitLoss conversion { rates { from } }
                  }
                  leaderboard(convertTo: "USD") { position botId totalProfitLoss currency conversion { rates { rate } } }
                  bot(botId: "inr_bot") {
                    asLogged: statistics(currency: "INR") { currency totalProfitLoss equitySharpeRatio conversion { currency } }
                    converted: statistics(convertTo: "USD") {
                      currency totalProfitLoss totalStaked equitySharpeRatio maxDrawdown { amount }
                    }
                  }
                  strategies(convertTo: "USD") { performance { currency totalProfitLoss } }
                }"""));

        // every round in USD, in time order: +100 (100), +60 (160), −50 (110), −120 (−10): peak 160, fall 170
        JsonNode game = answer.data("game");
        assertThat(game.path("currency").asString()).isEqualTo("USD");
        assertThat(game.path("rounds").asInt()).isEqualTo(4);
        assertThat(game.path("totalStaked").decimalValue()).isEqualByComparingTo("330");
        assertThat(game.path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-10");
        assertThat(game.path("grossWin").decimalValue()).isEqualByComparingTo("160");
        assertThat(game.path("grossLoss").decimalValue()).isEqualByComparingTo("170");
        assertThat(game.path("largestWin").decimalValue()).isEqualByComparingTo("100");
        assertThat(game.path("largestLoss").decimalValue()).isEqualByComparingTo("120");
        assertThat(game.path("roiPercent").decimalValue()).isEqualByComparingTo("-3.0303"); // −10 × 100 / 330
        assertThat(game.path("maxDrawdown").path("amount").decimalValue()).isEqualByComparingTo("170");
        JsonNode conversion = game.path("conversion");
        assertThat(conversion.path("currency").asString()).isEqualTo("USD");
        assertThat(conversion.path("ratesAt").asString()).isNotEmpty();
        assertThat(conversion.path("rates")).hasSize(1);
        assertThat(conversion.path("rates").get(0).path("from").asString()).isEqualTo("INR");
        assertThat(conversion.path("rates").get(0).path("to").asString()).isEqualTo("USD");
        assertThat(conversion.path("rates").get(0).path("rate").decimalValue()).isEqualByComparingTo("0.012");
        assertThat(conversion.path("rates").get(0).path("validFrom").asString()).isEqualTo("2026-01-01T00:00:00Z");

        assertThat(answer.data("inrOnly").path("currency").asString()).isEqualTo("USD");
        assertThat(answer.data("inrOnly").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-60");
        assertThat(answer.data("usdInUsd").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("50");
        // a partial hour is read from the rounds, converted the same way: +60 − 50 − 120
        assertThat(answer.data("fromTenThree").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-110");
        assertThat(answer.data("usdInUsd").path("conversion").path("rates")).isEmpty();

        // both currencies rank together once converted: +50 before −60 (as logged, −5000 INR would have been apart)
        JsonNode leaderboard = answer.data("leaderboard");
        assertThat(leaderboard).hasSize(2);
        assertThat(leaderboard.get(0).path("botId").asString()).isEqualTo(WritePath.BOT);
        assertThat(leaderboard.get(0).path("totalProfitLoss").decimalValue()).isEqualByComparingTo("50");
        assertThat(leaderboard.get(1).path("botId").asString()).isEqualTo("inr_bot");
        assertThat(leaderboard.get(1).path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-60");
        assertThat(leaderboard.get(1).path("currency").asString()).isEqualTo("USD");
        assertThat(leaderboard.get(1).path("conversion").path("rates").get(0).path("rate").decimalValue())
                .isEqualByComparingTo("0.012");

        // the bot's money in USD: the drawdown of its converted curve (+60, then −120: a fall of 120); its equity
        // returns are ratios of its own money, which a rate does not change
        JsonNode bot = answer.data("bot");
        assertThat(bot.path("asLogged").path("conversion").isNull()).isTrue();
        assertThat(bot.path("asLogged").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-5000");
        assertThat(bot.path("converted").path("currency").asString()).isEqualTo("USD");
        assertThat(bot.path("converted").path("totalProfitLoss").decimalValue()).isEqualByComparingTo("-60");
        assertThat(bot.path("converted").path("totalStaked").decimalValue()).isEqualByComparingTo("180");
        assertThat(bot.path("converted").path("maxDrawdown").path("amount").decimalValue()).isEqualByComparingTo("120");
        assertThat(bot.path("converted").path("equitySharpeRatio").asDouble())
                .isEqualTo(bot.path("asLogged").path("equitySharpeRatio").asDouble());

        JsonNode strategies = answer.data("strategies");
        assertThat(strategies).isNotEmpty();
        assertThat(strategies.valueStream().map(strategy -> strategy.path("performance").path("totalProfitLoss")
                .decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("-10");
        assertThat(strategies.valueStream().map(strategy -> strategy.path("performance").path("currency").asString()))
                .containsOnly("USD");
    }

    @Test
    void aCurrencyWithoutARateIsRefusedNamingIt() {
        GraphQlClient client = new GraphQlClient(port);
        logTwoCurrencies(client);
        ok(client.execute(SET_RATE, Map.of("input", Map.of("from", "INR", "to", "USD", "rate", "0.012",
                "validFrom", "2026-01-01T00:00:00Z"))));
        // a rate set to start later is not in force now; USD→EUR was never set; the inverse is never derived
        ok(client.execute(SET_RATE, Map.of("input", Map.of("from", "INR", "to", "EUR", "rate", "0.011",
                "validFrom", "2099-01-01T00:00:00Z"))));

        JsonNode errors = refused(client.execute("{ leaderboard(convertTo: \"EUR\") { botId } }"), "BAD_REQUEST",
                "convertTo", "NO_RATE");
        assertThat(errors.get(0).path("message").asString()).contains("INR, USD");
        refused(client.execute("{ gameStatistics(game: \"aviator\", currency: \"USD\", convertTo: \"INR\") { rounds } }"),
                "BAD_REQUEST", "convertTo", "NO_RATE");
        refused(client.execute("{ bot(botId: \"inr_bot\") { statistics(convertTo: \"usd\") { rounds } } }"),
                "BAD_REQUEST", "convertTo", "CURRENCY_CODE");
    }

    @Test
    void anAdminSetsRatesOnceAndListsThem() {
        GraphQlClient client = new GraphQlClient(port);
        Map<String, Object> rate = Map.of("from", "INR", "to", "USD", "rate", "0.012", "validFrom", "2026-01-01T00:00:00Z");
        assertThat(ok(client.execute(SET_RATE, Map.of("input", rate))).data("setExchangeRate.registration").asString())
                .isEqualTo("CREATED");
        assertThat(ok(client.execute(SET_RATE, Map.of("input", rate))).data("setExchangeRate.registration").asString())
                .isEqualTo("UNCHANGED");
        assertThat(ok(client.execute(SET_RATE, Map.of("input", with(rate, "rate", "0.0121"))))
                .data("setExchangeRate.registration").asString()).isEqualTo("UPDATED");
        ok(client.execute(SET_RATE, Map.of("input", with(rate, "validFrom", "2026-06-01T00:00:00Z", "rate", "0.0119"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_rates", Long.class)).isEqualTo(2);

        JsonNode all = ok(client.execute("{ exchangeRates(from: \"INR\") { rate validFrom } }")).data("exchangeRates");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).path("rate").decimalValue()).isEqualByComparingTo("0.0119"); // newest first
        assertThat(all.get(1).path("rate").decimalValue()).isEqualByComparingTo("0.0121");
        JsonNode inMarch = ok(client.execute("{ exchangeRates(inForceAt: \"2026-03-01T00:00:00Z\") { rate } }"))
                .data("exchangeRates");
        assertThat(inMarch).hasSize(1);
        assertThat(inMarch.get(0).path("rate").decimalValue()).isEqualByComparingTo("0.0121");
    }

    @Test
    void aBadRateIsRefusedNamingTheFieldAndTheRuleAndNothingIsWritten() {
        GraphQlClient client = new GraphQlClient(port);
        Map<String, Object> rate = Map.of("from", "INR", "to", "USD", "rate", "0.012");
        refused(client.execute(SET_RATE, Map.of("input", with(rate, "from", "inr"))), "BAD_REQUEST", "input.from",
                "CURRENCY_CODE");
        refused(client.execute(SET_RATE, Map.of("input", with(rate, "to", "INR"))), "BAD_REQUEST", "input.to",
                "DIFFERENT_CURRENCIES");
        refused(client.execute(SET_RATE, Map.of("input", with(rate, "rate", "0"))), "BAD_REQUEST", "input.rate",
                "POSITIVE");
        refused(client.execute(SET_RATE, Map.of("input", with(rate, "rate", "0.00000000001"))), "BAD_REQUEST",
                "input.rate", "DECIMALS");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_rates", Long.class)).isZero();
    }

    /** The USD and INR bots' rounds of the class comment. */
    private void logTwoCurrencies(GraphQlClient client) {
        WritePath writePath = new WritePath(client, jdbc).activeSession();
        ok(writePath.logRound(at(round(1, "WIN", "100", "3.00", "2.00"), "10:00")));
        ok(writePath.logRound(at(round(2, "LOSS", "50", "1.50", null), "10:10")));
        writePath.registerBot("inr_bot");
        ok(client.execute(CONFIGURE_PLATFORM, Map.of("input",
                Map.of("gameName", "aviator", "platformCode", "rupee_casino", "currency", "INR"))));
        ok(client.execute(START_SESSION, Map.of("input", Map.of("botId", "inr_bot", "sessionId", "inr_s1",
                "gameName", "aviator", "platformCode", "rupee_casino", "initialBalance", "100000"))));
        ok(writePath.logRound(at(with(round(1, "WIN", "5000", "3.00", "2.00"), "botId", "inr_bot", "sessionId", "inr_s1"),
                "10:05")));
        ok(writePath.logRound(at(with(round(2, "LOSS", "10000", "1.50", null), "botId", "inr_bot", "sessionId", "inr_s1"),
                "10:15")));
    }

    private static Map<String, Object> at(Map<String, Object> round, String time) {
        return with(round, "roundStartTimestamp", "2026-03-02T" + time + ":00Z");
    }
}
