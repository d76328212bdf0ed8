package com.crashanalytics.api.alert;

import static com.crashanalytics.api.alert.AlertFixtures.CREATE_RULE;
import static com.crashanalytics.api.testing.WritePath.ok;
import static com.crashanalytics.api.testing.WritePath.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Alert rules are created, listed, replaced and deleted by ADMIN keys; bad definitions are refused field by field. */
class AlertRulesIT extends AlertTestSupport {

    static final String UPDATE = """
            mutation($input: UpdateAlertRuleInput!) {
              updateAlertRule(input: $input) { rule { id name kind amount percent count channels cooldownSeconds enabled } }
            }
            """;
    static final String DELETE = "mutation($id: ID!) { deleteAlertRule(input: {id: $id}) { rule { id name } } }";
    static final String LIST = """
            query($after: String) {
              alertRules(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind } } }
            }
            """;

    GraphQlClient admin;

    @BeforeEach
    void connect() {
        admin = new GraphQlClient(port);
    }

    @Test
    void aRuleIsStoredWithItsDefaultsListedByPagesReplacedAndDeleted() {
        JsonNode created = ok(admin.execute(CREATE_RULE, Map.of("input", Map.of("name", "confident signals",
                "kind", "SIGNAL_CONFIDENCE", "scope", Map.of("gameNames", List.of("aviator")))))).data("createAlertRule.rule");
        assertThat(created.path("confidence").asDouble()).isEqualTo(0.75); // seed 002's PREDICTION_CONFIDENCE_THRESHOLD
        assertThat(created.path("scope").path("gameNames").toString()).isEqualTo("[\"aviator\"]");
        assertThat(created.path("scope").path("botIds").toString()).isEqualTo("[]");
        assertThat(created.path("amount").isNull()).isTrue();
        assertThat(created.path("channels").toString()).isEqualTo("[]");
        assertThat(created.path("enabled").asBoolean()).isTrue();
        String id = created.path("id").asString();

        JsonNode rtp = ok(admin.execute(CREATE_RULE, Map.of("input", Map.of("name", "rtp", "kind", "RTP_DEPARTURE"))))
                .data("createAlertRule.rule");
        assertThat(rtp.path("pValue").asDouble()).isEqualTo(0.001);
        assertThat(rtp.path("sampleSize").asInt()).isEqualTo(500);
        ok(admin.execute(CREATE_RULE, Map.of("input", Map.of("name", "droughts", "kind", "NO_BIG_CRASH", "count", 40))));

        JsonNode first = ok(admin.execute(LIST, Map.of())).data("alertRules");
        assertThat(first.path("totalCount").asInt()).isEqualTo(3);
        assertThat(first.path("edges")).hasSize(2);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = ok(admin.execute(LIST, Map.of("after", first.path("pageInfo").path("endCursor").asString())))
                .data("alertRules");
        assertThat(second.path("edges").get(0).path("node").path("name").asString()).isEqualTo("droughts");

        JsonNode updated = ok(admin.execute(UPDATE, Map.of("input", Map.of("id", id, "name", "deep drawdown",
                "kind", "DRAWDOWN", "percent", "20", "cooldownSeconds", 600, "enabled", false))))
                .data("updateAlertRule.rule");
        assertThat(updated.path("kind").asString()).isEqualTo("DRAWDOWN");
        assertThat(updated.path("percent").decimalValue()).isEqualByComparingTo("20");
        assertThat(updated.path("cooldownSeconds").asInt()).isEqualTo(600);
        assertThat(updated.path("enabled").asBoolean()).isFalse();

        assertThat(ok(admin.execute(DELETE, Map.of("id", id))).data("deleteAlertRule.rule.name").asString())
                .isEqualTo("deep drawdown");
        refused(admin.execute(DELETE, Map.of("id", id)), "NOT_FOUND", "input.id", "MUST_EXIST");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_rules", Integer.class)).isEqualTo(2);
    }

    @Test
    void badDefinitionsNameTheFieldAndTheRuleAndWriteNothing() {
        refused(create("DRAWDOWN", "amount", "10", "percent", "5"), "BAD_REQUEST", "input.amount", "EXACTLY_ONE");
        refused(create("DRAWDOWN"), "BAD_REQUEST", "input.amount", "EXACTLY_ONE");
        refused(create("DRAWDOWN", "percent", "120"), "BAD_REQUEST", "input.percent", "PERCENT_RANGE");
        refused(create("BALANCE_UNDER"), "BAD_REQUEST", "input.amount", "REQUIRED");
        refused(create("BALANCE_UNDER", "amount", "-5"), "BAD_REQUEST", "input.amount", "NON_NEGATIVE");
        refused(create("LOSS_STREAK", "count", 0), "BAD_REQUEST", "input.count", "MIN");
        refused(create("LOSS_STREAK", "count", 3, "confidence", 0.9), "BAD_REQUEST", "input.confidence", "NOT_FOR_KIND");
        refused(create("BUST", "amount", "1"), "BAD_REQUEST", "input.amount", "NOT_FOR_KIND");
        refused(create("STALE_SESSION", "staleAfterSeconds", 5), "BAD_REQUEST", "input.staleAfterSeconds", "MIN");
        refused(create("NO_BIG_CRASH", "count", 5, "multiplier", "1.00"), "BAD_REQUEST", "input.multiplier", "ABOVE_ONE");
        refused(create("SIGNAL_CONFIDENCE", "confidence", 1.5), "BAD_REQUEST", "input.confidence", "UNIT_INTERVAL");
        refused(create("RTP_DEPARTURE", "pValue", 0.0), "BAD_REQUEST", "input.pValue", "OPEN_UNIT_INTERVAL");
        refused(create("RTP_DEPARTURE", "sampleSize", 10), "BAD_REQUEST", "input.sampleSize", "RANGE");
        refused(create("BUST", "cooldownSeconds", -1), "BAD_REQUEST", "input.cooldownSeconds", "RANGE");
        refused(create("BUST", "scope", Map.of("gameNames", List.of("Aviator"))), "BAD_REQUEST",
                "input.scope.gameNames[0]", "LOWERCASE_CODE");
        refused(create("BUST", "channels", List.of("nowhere")), "BAD_REQUEST", "input.channels[0]", "CONFIGURED_CHANNEL");
        refused(admin.execute(UPDATE, Map.of("input", Map.of("id", "not-a-number", "name", "x", "kind", "BUST"))),
                "BAD_REQUEST", "input.id", "VALID_ID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_rules", Integer.class)).isZero();

        ok(create("BUST"));
        refused(create("BUST"), "CONFLICT", "input.name", "CONFLICT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_rules", Integer.class)).isEqualTo(1);
    }

    @Test
    void onlyAdminKeysManageRulesAndDashboardsReadAlerts() {
        TestApiKeys keys = new TestApiKeys(port);
        GraphQlClient dashboard = new GraphQlClient(port).withApiKey(keys.dashboard());
        GraphQlClient bot = new GraphQlClient(port).withApiKey(keys.bot("bot_a"));
        assertThat(dashboard.execute(CREATE_RULE, Map.of("input", Map.of("name", "x", "kind", "BUST"))).classifications())
                .containsExactly("FORBIDDEN");
        assertThat(dashboard.execute("{ alertRules { totalCount } }").classifications()).containsExactly("FORBIDDEN");
        assertThat(bot.execute("{ alerts { totalCount } }").classifications()).containsExactly("FORBIDDEN");
        assertThat(ok(dashboard.execute("{ alerts { totalCount } }")).data("alerts.totalCount").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_rules", Integer.class)).isZero();
    }

    @Test
    void aRaisedAlertIsJournaledForLiveConsolesInItsTransaction() throws Exception {
        new com.crashanalytics.api.testing.WritePath(admin, jdbc).activeSession();
        String rule = new AlertFixtures(admin, evaluation).rule("bust", "BUST");
        jdbc.update("UPDATE session_logs SET current_balance = 0, total_rounds = 1, losses = 1");
        long before = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM live_events", Long.class); // the journal stays between tests
        assertThat(evaluation.evaluate().raised()).isEqualTo(1);

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT kind, payload::text AS payload FROM live_event_entries WHERE id > ?", before);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("kind")).isEqualTo("ALERT_RAISED");
        JsonNode payload = AlertDeliveryIT.JSON.readTree((String) events.get(0).get("payload"));
        JsonNode alert = new AlertFixtures(admin, evaluation).alertsOf(rule).get(0);
        assertThat(payload.path("alertId").asString()).isEqualTo(alert.path("id").asString());
        assertThat(payload.path("ruleId").asString()).isEqualTo(rule);
        assertThat(payload.path("ruleName").asString()).isEqualTo("bust");
        assertThat(payload.path("kind").asString()).isEqualTo("BUST");
        assertThat(payload.path("message").asString()).isEqualTo(alert.path("message").asString());
        assertThat(payload.path("subject").path("key").asString()).isEqualTo(alert.path("subject").path("key").asString());
        assertThat(payload.path("scope").path("botIds").toString()).isEqualTo("[]");
        assertThat(payload.path("figures").path("rounds").asInt()).isEqualTo(1);
        assertThat(java.time.Instant.parse(payload.path("raisedAt").asString()))
                .isEqualTo(java.time.Instant.parse(alert.path("raisedAt").asString()));
    }

    private GraphQlResponse create(String kind, Object... fieldsAndValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "rule of kind " + kind);
        input.put("kind", kind);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            input.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return admin.execute(CREATE_RULE, Map.of("input", input));
    }
}
