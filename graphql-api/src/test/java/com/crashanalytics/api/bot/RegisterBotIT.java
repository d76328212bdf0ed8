package com.crashanalytics.api.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** registerBot and bot(botId) over HTTP, checked against the rows in PostgreSQL. */
@GatewayIntegrationTest
class RegisterBotIT {

    private static final String REGISTER = """
            mutation Register($input: RegisterBotInput!) {
              registerBot(input: $input) {
                registration
                bot { botId botName vmName vmProvider region strategyName initialBalance baseStake maxStake
                      registeredAt updatedAt }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;

    @BeforeEach
    void connect() {
        client = new GraphQlClient(port);
    }

    @Test
    void registersANewBot() {
        GraphQlResponse response = client.execute(REGISTER, Map.of("input", compoundBot()));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.data("registerBot.registration").asString()).isEqualTo("CREATED");
        JsonNode bot = response.data("registerBot.bot");
        assertThat(bot.path("botId").asString()).isEqualTo("aviator_bot_001");
        assertThat(bot.path("strategyName").asString()).isEqualTo("compound_1.33x");
        assertThat(bot.path("baseStake").decimalValue()).isEqualByComparingTo("10");
        assertThat(bot.path("registeredAt").asString()).isEqualTo(bot.path("updatedAt").asString());

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM bot_vm_registration WHERE bot_id = 'aviator_bot_001'");
        assertThat(row.get("bot_name")).isEqualTo("Aviator Compound Bot");
        assertThat(row.get("vm_provider")).isEqualTo("digitalocean");
        assertThat((BigDecimal) row.get("initial_balance")).isEqualByComparingTo("1000.00");
        assertThat((BigDecimal) row.get("max_stake")).isEqualByComparingTo("100.00");
    }

    @Test
    void registeringAgainWithTheSameDataReturnsTheBotAndWritesNothing() {
        JsonNode first = client.execute(REGISTER, Map.of("input", compoundBot())).data("registerBot.bot");

        GraphQlResponse again = client.execute(REGISTER, Map.of("input", compoundBot()));

        assertThat(again.data("registerBot.registration").asString()).isEqualTo("UNCHANGED");
        assertThat(again.data("registerBot.bot")).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isEqualTo(1);
    }

    @Test
    void registeringAgainWithOtherDataUpdatesTheMutableFieldsAndKeepsTheCreationTime() {
        JsonNode first = client.execute(REGISTER, Map.of("input", compoundBot())).data("registerBot.bot");
        Map<String, Object> changed = new java.util.HashMap<>(compoundBot());
        changed.put("botName", "Aviator Martingale Bot");
        changed.put("vmName", "GPU-Instance-2");
        changed.put("strategyName", "martingale");
        changed.put("baseStake", "5");
        changed.put("maxStake", "320");

        GraphQlResponse response = client.execute(REGISTER, Map.of("input", changed));

        assertThat(response.data("registerBot.registration").asString()).isEqualTo("UPDATED");
        JsonNode bot = response.data("registerBot.bot");
        assertThat(bot.path("botName").asString()).isEqualTo("Aviator Martingale Bot");
        assertThat(bot.path("registeredAt")).isEqualTo(first.path("registeredAt"));
        assertThat(bot.path("updatedAt").asString()).isGreaterThan(first.path("updatedAt").asString());
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM bot_vm_registration WHERE bot_id = 'aviator_bot_001'");
        assertThat(row.get("strategy_name")).isEqualTo("martingale");
        assertThat(row.get("vm_name")).isEqualTo("GPU-Instance-2");
        assertThat((BigDecimal) row.get("base_stake")).isEqualByComparingTo("5");
        assertThat((BigDecimal) row.get("max_stake")).isEqualByComparingTo("320");
    }

    @Test
    void aBlankIdIsRejectedNamingTheFieldAndNothingIsWritten() {
        assertRejected(with("botId", "   "), "input.botId", "REQUIRED");
    }

    @Test
    void anIdOverFiftyCharactersIsRejected() {
        assertRejected(with("botId", "b".repeat(51)), "input.botId", "MAX_LENGTH");
    }

    @Test
    void negativeStakesAreRejected() {
        assertRejected(with("baseStake", "-1"), "input.baseStake", "NON_NEGATIVE");
        assertRejected(with("maxStake", "-0.01"), "input.maxStake", "NON_NEGATIVE");
        assertRejected(with("initialBalance", "-1000"), "input.initialBalance", "NON_NEGATIVE");
    }

    @Test
    void aMaxStakeBelowTheBaseStakeIsRejected() {
        assertRejected(with("maxStake", "9.99"), "input.maxStake", "MAX_STAKE_AT_LEAST_BASE_STAKE");
    }

    @Test
    void moreDecimalsThanWeKeepAreRejectedNotRounded() {
        assertRejected(with("baseStake", "0.123456789"), "input.baseStake", "PRECISION");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Map<String, Object> input = new java.util.HashMap<>(compoundBot());
        input.put("botId", "");
        input.put("baseStake", "-5");
        input.put("initialBalance", "-1");

        GraphQlResponse response = client.execute(REGISTER, Map.of("input", input));

        assertThat(response.errors()).extracting(e -> e.path("extensions").path("field").asString())
                .containsExactlyInAnyOrder("input.botId", "input.baseStake", "input.initialBalance");
    }

    @Test
    void anInvalidUpdateLeavesTheRegisteredBotAsItWas() {
        client.execute(REGISTER, Map.of("input", compoundBot()));
        Map<String, Object> before = jdbc.queryForMap("SELECT * FROM bot_vm_registration");

        GraphQlResponse response = client.execute(REGISTER, Map.of("input", with("maxStake", "1")));

        assertThat(response.hasErrors()).isTrue();
        assertThat(jdbc.queryForMap("SELECT * FROM bot_vm_registration")).isEqualTo(before);
    }

    @Test
    void moneyTravelsExactlyAsAJsonNumber() {
        GraphQlResponse response = client.post("""
                {"query": "mutation($b: BigDecimal) { registerBot(input: {botId: \\"exact\\", initialBalance: $b}) { bot { initialBalance } } }",
                 "variables": {"b": 123456789012.12345678}}
                """);

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.body()).contains("\"initialBalance\":123456789012.12345678");
        assertThat(jdbc.queryForObject("SELECT initial_balance::text FROM bot_vm_registration", String.class))
                .isEqualTo("123456789012.12345678");
    }

    @Test
    void botReturnsARegisteredBotAndNullForAnUnknownId() {
        client.execute(REGISTER, Map.of("input", compoundBot()));

        GraphQlResponse known = client.execute("query($id: ID!) { bot(botId: $id) { botId botName maxStake } }",
                Map.of("id", "aviator_bot_001"));
        GraphQlResponse unknown = client.execute("{ bot(botId: \"nobody\") { botId } }");

        assertThat(known.data("bot.botName").asString()).isEqualTo("Aviator Compound Bot");
        assertThat(known.data("bot.maxStake").decimalValue()).isEqualByComparingTo("100");
        assertThat(unknown.hasErrors()).isFalse();
        assertThat(unknown.data("bot").isNull()).isTrue();
    }

    private void assertRejected(Map<String, Object> input, String field, String rule) {
        GraphQlResponse response = client.execute(REGISTER, Map.of("input", input));

        assertThat(response.hasErrors()).as(response.body()).isTrue();
        JsonNode error = response.errors().get(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo(field);
        assertThat(error.path("extensions").path("rule").asString()).isEqualTo(rule);
        assertThat(error.path("message").asString()).startsWith(field + ": ");
        assertThat(response.data("registerBot").isMissingNode() || response.data("registerBot").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot_vm_registration", Integer.class)).isZero();
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> input = new java.util.HashMap<>(compoundBot());
        input.put(field, value);
        return input;
    }

    private static Map<String, Object> compoundBot() {
        return Map.of(
                "botId", "aviator_bot_001",
                "botName", "Aviator Compound Bot",
                "vmName", "GPU-Instance-1",
                "vmProvider", "digitalocean",
                "region", "nyc3",
                "strategyName", "compound_1.33x",
                "initialBalance", "1000.00",
                "baseStake", "10.00",
                "maxStake", "100.00");
    }
}
