package com.crashanalytics.api.audit;

import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.TestApiKeys.Issued;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail over HTTP: a change to each audited entity (bots, platforms, API keys, alert rules) is kept with who
 * made it, when, and the entity before and after; writes that change nothing or fail leave no history; the list
 * filters by entity, key and time, pages by cursor; and only ADMIN keys may read it.
 */
@GatewayIntegrationTest
class AuditTrailIT {

    static final String ENVIRONMENT_ADMIN = RowAuthorsIT.ENVIRONMENT_ADMIN;

    static final String AUDIT_TRAIL = """
            query($filter: AuditFilter, $first: Int, $after: String, $direction: SortDirection) {
              auditTrail(filter: $filter, first: $first, after: $after, direction: $direction) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { id entity entityId action keyId keyLabel changedAt before after } }
              }
            }
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient admin;
    Issued botKey;
    GraphQlClient bot;

    @BeforeEach
    void keys() {
        admin = new GraphQlClient(port);
        botKey = new TestApiKeys(port).issue("BOT", List.of("bot_a"), "vm a");
        bot = new GraphQlClient(port).withApiKey(botKey.secret());
    }

    @Test
    void aBotsRegistrationAndItsChangeAreKeptWithTheKeyThatMadeThem() {
        String register = "mutation($name: String) { registerBot(input: {botId: \"bot_a\", botName: $name, "
                + "baseStake: 10}) { registration } }";
        ok(bot.execute(register, Map.of("name", "Alpha")));
        ok(bot.execute(register, Map.of("name", "Alpha"))); // unchanged: no history
        ok(bot.execute(register, Map.of("name", "Alpha 2")));

        List<JsonNode> changes = changes(Map.of("entity", "BOT", "entityId", "bot_a"));

        assertThat(changes).extracting(change -> change.path("action").asString()).containsExactly("CREATED", "UPDATED");
        JsonNode created = changes.get(0);
        assertThat(created.path("keyId").asString()).isEqualTo(botKey.id());
        assertThat(created.path("keyLabel").asString()).isEqualTo("vm a");
        assertThat(created.path("before").isNull()).isTrue();
        assertThat(created.path("after").path("botName").asString()).isEqualTo("Alpha");
        assertThat(created.path("after").path("baseStake").decimalValue()).isEqualByComparingTo("10");
        JsonNode updated = changes.get(1);
        assertThat(updated.path("before").path("botName").asString()).isEqualTo("Alpha");
        assertThat(updated.path("after").path("botName").asString()).isEqualTo("Alpha 2");
        assertThat(updated.path("after").path("registeredAt")).isEqualTo(updated.path("before").path("registeredAt"));
        assertThat(updated.path("keyId").asString()).isEqualTo(botKey.id());
    }

    @Test
    void aPlatformsConfigurationAndItsChangeAreKept() {
        String configure = "mutation($currency: String) { configurePlatform(input: {gameName: \"aviator\", "
                + "platformCode: \"demo\", currency: $currency}) { registration } }";
        ok(admin.execute(configure, Map.of("currency", "USD")));
        ok(admin.execute(configure, Map.of("currency", "EUR")));

        List<JsonNode> changes = changes(Map.of("entity", "PLATFORM"));

        assertThat(changes).extracting(change -> change.path("entityId").asString())
                .containsExactly("aviator/demo", "aviator/demo");
        JsonNode updated = changes.get(1);
        assertThat(updated.path("action").asString()).isEqualTo("UPDATED");
        assertThat(updated.path("before").path("currency").asString()).isEqualTo("USD");
        assertThat(updated.path("after").path("currency").asString()).isEqualTo("EUR");
        assertThat(updated.path("after").path("game").path("gameName").asString()).isEqualTo("aviator");
        assertThat(updated.path("keyId").asString()).isEqualTo(ENVIRONMENT_ADMIN);
        assertThat(updated.path("keyLabel").asString()).isEqualTo("GATEWAY_ADMIN_KEY");
    }

    @Test
    void anApiKeysIssueAndRevocationAreKeptWithoutItsSecret() {
        ok(admin.execute("mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { revokedAt } } }",
                Map.of("id", botKey.id())));

        List<JsonNode> changes = changes(Map.of("entity", "API_KEY", "entityId", botKey.id()));

        assertThat(changes).extracting(change -> change.path("action").asString()).containsExactly("CREATED", "REVOKED");
        assertThat(changes.get(0).path("after").path("label").asString()).isEqualTo("vm a");
        assertThat(changes.get(0).path("after").path("role").asString()).isEqualTo("BOT");
        assertThat(changes.get(1).path("before").path("revokedAt").isNull()).isTrue();
        assertThat(changes.get(1).path("after").path("revokedAt").asString()).isNotEmpty();
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.path("keyId").asString()).isEqualTo(ENVIRONMENT_ADMIN);
            assertThat(change.toString()).doesNotContain(botKey.secret()).doesNotContainIgnoringCase("hash");
        });
    }

    @Test
    void anAlertRulesCreationChangeAndDeletionAreKept() {
        String id = ok(admin.execute("mutation { createAlertRule(input: {name: \"bust\", kind: BUST}) { rule { id } } }"))
                .data("createAlertRule.rule.id").asString();
        ok(admin.execute("mutation($id: ID!) { updateAlertRule(input: {id: $id, name: \"bust watch\", kind: BUST, "
                + "cooldownSeconds: 60}) { rule { id } } }", Map.of("id", id)));
        ok(admin.execute("mutation($id: ID!) { deleteAlertRule(input: {id: $id}) { rule { id } } }", Map.of("id", id)));

        List<JsonNode> changes = changes(Map.of("entity", "ALERT_RULE", "entityId", id));

        assertThat(changes).extracting(change -> change.path("action").asString())
                .containsExactly("CREATED", "UPDATED", "DELETED");
        JsonNode updated = changes.get(1);
        assertThat(updated.path("before").path("definition").path("name").asString()).isEqualTo("bust");
        assertThat(updated.path("after").path("definition").path("name").asString()).isEqualTo("bust watch");
        assertThat(updated.path("after").path("definition").path("cooldownSeconds").asInt()).isEqualTo(60);
        JsonNode deleted = changes.get(2);
        assertThat(deleted.path("before").path("definition").path("name").asString()).isEqualTo("bust watch");
        assertThat(deleted.path("after").isNull()).isTrue();
    }

    @Test
    void aChangeThatFailsLeavesNoHistory() {
        long before = history();

        refused(admin.execute("mutation { updateAlertRule(input: {id: 99, name: \"x\", kind: BUST}) { rule { id } } }"),
                "NOT_FOUND", "input.id", "MUST_EXIST");
        refused(admin.execute("mutation { configurePlatform(input: {gameName: \"unknown\", platformCode: \"demo\"}) "
                + "{ registration } }"), "BAD_REQUEST", "input.houseEdgePercent", "REQUIRED_FOR_NEW_GAME");

        assertThat(history()).isEqualTo(before);
    }

    @Test
    void filtersByKeyAndTimeAndPagesByCursor() {
        ok(bot.execute("mutation { registerBot(input: {botId: \"bot_a\"}) { registration } }"));
        ok(admin.execute("mutation { registerBot(input: {botId: \"bot_b\"}) { registration } }"));
        ok(admin.execute("mutation { configurePlatform(input: {gameName: \"aviator\", platformCode: \"demo\"}) "
                + "{ registration } }"));
        // So far: the bot key's creation, then bot_a (by the bot key), bot_b and the platform (by the admin).
        List<JsonNode> all = changes(Map.of());
        assertThat(all).extracting(change -> change.path("entityId").asString())
                .containsExactly(botKey.id(), "bot_a", "bot_b", "aviator/demo");

        assertThat(changes(Map.of("keyId", botKey.id()))).extracting(change -> change.path("entityId").asString())
                .containsExactly("bot_a");
        assertThat(changes(Map.of("keyId", ENVIRONMENT_ADMIN))).hasSize(3);
        String third = all.get(2).path("changedAt").asString();
        String fourth = all.get(3).path("changedAt").asString();
        assertThat(changes(Map.of("from", third))).extracting(change -> change.path("entityId").asString())
                .containsExactly("bot_b", "aviator/demo");
        assertThat(changes(Map.of("to", third))).extracting(change -> change.path("entityId").asString())
                .containsExactly(botKey.id(), "bot_a");
        assertThat(changes(Map.of("from", third, "to", fourth))).hasSizeLessThanOrEqualTo(1);

        JsonNode newestFirst = page(Map.of(), 3, null, "DESC");
        assertThat(newestFirst.path("totalCount").asInt()).isEqualTo(4);
        assertThat(newestFirst.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(nodes(newestFirst)).extracting(change -> change.path("entityId").asString())
                .containsExactly("aviator/demo", "bot_b", "bot_a");
        JsonNode rest = page(Map.of(), 3, newestFirst.path("pageInfo").path("endCursor").asString(), "DESC");
        assertThat(nodes(rest)).extracting(change -> change.path("entityId").asString()).containsExactly(botKey.id());
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void badFiltersAreRefusedNamingTheFieldAndTheRule() {
        refused(admin.execute(AUDIT_TRAIL, Map.of("filter", Map.of("keyId", "not-a-key"))),
                "BAD_REQUEST", "filter.keyId", "UUID");
        refused(admin.execute(AUDIT_TRAIL, Map.of("filter", Map.of("from", "2026-12-04T10:00:00Z",
                "to", "2026-12-04T09:00:00Z"))), "BAD_REQUEST", "filter.to", "AFTER_FROM");
    }

    @Test
    void onlyAdminKeysMayReadIt() {
        TestApiKeys keys = new TestApiKeys(port);
        GraphQlClient storedAdmin = new GraphQlClient(port).withApiKey(keys.admin());
        assertThat(storedAdmin.execute(AUDIT_TRAIL).hasErrors()).isFalse();

        for (String key : List.of(botKey.secret(), keys.dashboard(), keys.issue("PREDICTOR", List.of()).secret())) {
            GraphQlResponse denied = new GraphQlClient(port).withApiKey(key).execute(AUDIT_TRAIL);
            assertThat(denied.classifications()).as(denied.body()).containsExactly("FORBIDDEN");
            assertThat(denied.body()).doesNotContain("\"edges\"");
        }
        GraphQlResponse scraper = new GraphQlClient(port).withApiKey(keys.issue("METRICS", List.of()).secret())
                .execute(AUDIT_TRAIL);
        assertThat(scraper.status()).as("a METRICS key reads no GraphQL at all").isEqualTo(403);
        assertThat(scraper.body()).doesNotContain("\"edges\"");
        GraphQlResponse anonymous = GraphQlClient.anonymous(port).execute(AUDIT_TRAIL);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private long history() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_changes", Long.class);
    }

    private List<JsonNode> changes(Map<String, Object> filter) {
        return nodes(page(filter, 100, null, "ASC"));
    }

    private JsonNode page(Map<String, Object> filter, int first, String after, String direction) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("filter", filter, "first", first,
                "direction", direction));
        if (after != null) {
            variables.put("after", after);
        }
        return ok(admin.execute(AUDIT_TRAIL, variables)).data("auditTrail");
    }

    private static List<JsonNode> nodes(JsonNode connection) {
        List<JsonNode> nodes = new ArrayList<>();
        connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
        return nodes;
    }
}
