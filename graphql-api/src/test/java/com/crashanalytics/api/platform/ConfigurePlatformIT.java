package com.crashanalytics.api.platform;

import static com.crashanalytics.api.testing.WritePath.CONFIGURE_PLATFORM;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static com.crashanalytics.api.testing.WritePath.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** configurePlatform and platforms over HTTP, checked against game_platform_config and crash_games. */
@GatewayIntegrationTest
class ConfigurePlatformIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient client;
    WritePath writePath;

    @BeforeEach
    void connect() {
        client = new GraphQlClient(port);
        writePath = new WritePath(client, jdbc);
    }

    static Map<String, Object> dafabet() {
        return Map.of("gameName", "aviator", "platformCode", "dafabet", "platformUrl", "https://www.dafabet.com/aviator",
                "currency", "USD", "maxMultiplier", "1000000");
    }

    @Test
    void configuresAKnownGameWithItsPublishedHouseEdge() {
        JsonNode payload = ok(client.execute(CONFIGURE_PLATFORM, Map.of("input", dafabet()))).data("configurePlatform");

        assertThat(payload.path("registration").asString()).isEqualTo("CREATED");
        JsonNode platform = payload.path("platform");
        assertThat(platform.path("houseEdgePercent").decimalValue()).isEqualByComparingTo("3");
        assertThat(platform.path("rtpPercent").decimalValue()).isEqualByComparingTo("97");
        assertThat(platform.path("minMultiplier").decimalValue()).isEqualByComparingTo("1");
        assertThat(platform.path("isActive").asBoolean()).isTrue();
        assertThat(platform.path("game").path("displayName").asString()).isEqualTo("Aviator");
        assertThat(platform.path("game").path("builtin").asBoolean()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM game_platform_config");
        assertThat(row.get("platform_url")).isEqualTo("https://www.dafabet.com/aviator");
        assertThat((BigDecimal) row.get("max_multiplier")).isEqualByComparingTo("1000000");
    }

    @Test
    void theSameConfigurationAgainChangesNothingAndAnotherUpdatesIt() {
        JsonNode first = ok(client.execute(CONFIGURE_PLATFORM, Map.of("input", dafabet()))).data("configurePlatform.platform");
        String storedBefore = jdbc.queryForObject("SELECT row_to_json(p)::text FROM game_platform_config p", String.class);

        GraphQlResponse again = ok(client.execute(CONFIGURE_PLATFORM, Map.of("input", dafabet())));
        assertThat(again.data("configurePlatform.registration").asString()).isEqualTo("UNCHANGED");
        assertThat(jdbc.queryForObject("SELECT row_to_json(p)::text FROM game_platform_config p", String.class))
                .isEqualTo(storedBefore);

        GraphQlResponse changed = ok(client.execute(CONFIGURE_PLATFORM,
                Map.of("input", with(dafabet(), "houseEdgePercent", "2.5", "currency", "EUR"))));
        assertThat(changed.data("configurePlatform.registration").asString()).isEqualTo("UPDATED");
        assertThat(changed.data("configurePlatform.platform.createdAt")).isEqualTo(first.path("createdAt"));
        assertThat(changed.data("configurePlatform.platform.rtpPercent").decimalValue()).isEqualByComparingTo("97.5");
        assertThat(writePath.count("game_platform_config")).isEqualTo(1);
    }

    @Test
    void anUnknownGameCodeRegistersTheGameWhenItsHouseEdgeIsGiven() {
        GraphQlResponse withoutEdge = client.execute(CONFIGURE_PLATFORM,
                Map.of("input", Map.of("gameName", "spaceman", "platformCode", "stake")));
        refused(withoutEdge, "BAD_REQUEST", "input.houseEdgePercent", "REQUIRED_FOR_NEW_GAME");
        assertThat(writePath.count("crash_games")).isEqualTo(3);

        JsonNode platform = ok(client.execute(CONFIGURE_PLATFORM, Map.of("input",
                Map.of("gameName", "spaceman", "platformCode", "stake", "houseEdgePercent", "3.5"))))
                .data("configurePlatform.platform");

        assertThat(platform.path("game").path("builtin").asBoolean()).isFalse();
        assertThat(platform.path("game").path("defaultHouseEdgePercent").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(jdbc.queryForObject("SELECT default_house_edge_percent FROM crash_games WHERE game_name = 'spaceman'",
                BigDecimal.class)).isEqualByComparingTo("3.5");
    }

    @Test
    void badConfigurationsAreRefusedAndNothingIsWritten() {
        assertRefused(with(dafabet(), "gameName", "Aviator"), "input.gameName", "LOWERCASE_CODE");
        assertRefused(with(dafabet(), "platformUrl", "ftp://x"), "input.platformUrl", "HTTP_URL");
        assertRefused(with(dafabet(), "currency", "usd"), "input.currency", "CURRENCY_CODE");
        assertRefused(with(dafabet(), "houseEdgePercent", "100"), "input.houseEdgePercent", "HOUSE_EDGE_BELOW_100");
        assertRefused(with(dafabet(), "houseEdgePercent", "3.00001"), "input.houseEdgePercent", "PRECISION");
        assertRefused(with(dafabet(), "minMultiplier", "5", "maxMultiplier", "2"), "input.maxMultiplier", "MAX_AT_LEAST_MIN");
        assertRefused(with(dafabet(), "minMultiplier", "0.5"), "input.minMultiplier", "MIN_MULTIPLIER");
    }

    @Test
    void platformsListsEveryConfiguredPlatform() {
        ok(client.execute(CONFIGURE_PLATFORM, Map.of("input", dafabet())));
        ok(client.execute(CONFIGURE_PLATFORM, Map.of("input", Map.of("gameName", "jetx", "platformCode", "fun88"))));

        JsonNode all = ok(client.execute("{ platforms { gameName platformCode } }")).data("platforms");
        JsonNode jetx = ok(client.execute("{ platforms(gameName: \"jetx\") { platformCode houseEdgePercent } }")).data("platforms");

        assertThat(all).extracting(p -> p.path("gameName").asString() + "/" + p.path("platformCode").asString())
                .containsExactly("aviator/dafabet", "jetx/fun88");
        assertThat(jetx).hasSize(1);
        assertThat(jetx.get(0).path("houseEdgePercent").decimalValue()).isEqualByComparingTo("3");
    }

    private void assertRefused(Map<String, Object> input, String field, String rule) {
        Map<String, Integer> before = writePath.rowCounts();
        refused(client.execute(CONFIGURE_PLATFORM, Map.of("input", input)), "BAD_REQUEST", field, rule);
        assertThat(writePath.rowCounts()).isEqualTo(before);
    }
}
