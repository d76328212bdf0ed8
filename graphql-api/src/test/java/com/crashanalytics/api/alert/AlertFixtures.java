package com.crashanalytics.api.alert;

import static com.crashanalytics.api.testing.WritePath.ok;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.WritePath;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase;
import com.crashanalytics.domain.alert.EvaluateAlertRulesUseCase.Evaluation;
import tools.jackson.databind.JsonNode;

/** Rules created over GraphQL, evaluations run on demand, the alerts read back over GraphQL. */
final class AlertFixtures {

    static final String CREATE_RULE = """
            mutation($input: CreateAlertRuleInput!) {
              createAlertRule(input: $input) {
                rule { id name kind scope { botIds strategyNames gameNames platformCodes } amount percent count
                       staleAfterSeconds multiplier confidence pValue sampleSize channels cooldownSeconds enabled
                       createdAt updatedAt }
              }
            }
            """;
    static final String ALERTS = """
            query($ruleId: ID) {
              alerts(ruleId: $ruleId) {
                totalCount
                edges { node { id ruleId ruleName kind message figures raisedAt
                               scope { botIds gameNames platformCodes strategyNames }
                               subject { kind key botId sessionId gameName platformCode } } }
              }
            }
            """;

    private final GraphQlClient client;
    private final EvaluateAlertRulesUseCase evaluation;

    AlertFixtures(GraphQlClient client, EvaluateAlertRulesUseCase evaluation) {
        this.client = client;
        this.evaluation = evaluation;
    }

    /** Creates a rule from its fields (name and kind first), answers its id. */
    String rule(String name, String kind, Object... fieldsAndValues) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("kind", kind);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            input.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return ok(client.execute(CREATE_RULE, Map.of("input", input))).data("createAlertRule.rule.id").asString();
    }

    Evaluation evaluate() {
        return evaluation.evaluate();
    }

    /** The alerts of a rule, oldest first. */
    List<JsonNode> alertsOf(String ruleId) {
        JsonNode edges = ok(client.execute(ALERTS, Map.of("ruleId", ruleId))).data("alerts.edges");
        return edges.valueStream().map(edge -> edge.path("node")).toList();
    }

    static Map<String, Object> round(int number, String outcome, String stake, String crash, String cashout) {
        return WritePath.round(number, outcome, stake, crash, cashout);
    }
}
