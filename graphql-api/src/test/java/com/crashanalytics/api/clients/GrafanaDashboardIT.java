package com.crashanalytics.api.clients;

import static com.crashanalytics.api.testing.WritePath.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard in {@code clients/grafana} cannot drift from the schema: every GraphQL query in it is run
 * against this gateway with a DASHBOARD key, its template variables substituted as Grafana would ({@code ${__from}}
 * and {@code ${__to}} as epoch milliseconds of the dashboard's default range, every value of a custom variable, a
 * text box's default), and each answer must hold rows at the panel's root selector with every column the panel reads.
 */
@GatewayIntegrationTest
class GrafanaDashboardIT {

    private static final Path DASHBOARD = Path.of("..", "clients", "grafana", "crash-analytics-dashboard.json");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPanelsQueryRunsAgainstTheGatewayAndAnswersTheColumnsThePanelReads() throws Exception {
        GraphQlClient admin = new GraphQlClient(port);
        WritePath writePath = new WritePath(admin, jdbc).activeSession();
        WritePath.tenRoundSession().forEach(round -> ok(writePath.logRound(round)));   // started now: in "now-6h"
        GraphQlClient grafana = admin.withApiKey(new TestApiKeys(port).dashboard());
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("time").path("from").asString()).isEqualTo("now-6h");
        Instant to = Instant.now().plusSeconds(1);

        int queriesRun = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            // a panel's own relative time ("timeFrom": "6h") replaces the dashboard's range, as Grafana does
            Duration span = panel.has("timeFrom") ? Duration.parse("PT" + panel.path("timeFrom").asString().toUpperCase())
                    : Duration.ofHours(6);
            Map<String, String> range = Map.of("__from", String.valueOf(to.minus(span).toEpochMilli()),
                    "__to", String.valueOf(to.toEpochMilli()));
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("type").asString()).isEqualTo("yesoreyeram-infinity-datasource");
                assertThat(target.path("type").asString()).isEqualTo("graphql");
                assertThat(target.path("url_options").path("method").asString()).isEqualTo("POST");
                String document = target.path("url_options").path("body_graphql_query").asString();
                for (Map<String, String> values : variableValues(dashboard, range)) {
                    String substituted = substitute(document, values);
                    assertThat(substituted).as(panel.path("title").asString()).doesNotContain("$");
                    JsonNode rows = select(ok(grafana.execute(substituted)).json(),
                            target.path("root_selector").asString());
                    assertThat(rows.isArray() && !rows.isEmpty()).as(substituted).isTrue();
                    for (JsonNode column : target.path("columns")) {
                        assertThat(rows.get(0).has(column.path("selector").asString()))
                                .as(panel.path("title") + " reads " + column.path("selector")).isTrue();
                    }
                    queriesRun++;
                }
            }
        }
        assertThat(queriesRun).as("queries run: panels x values of the dashboard's custom variables").isGreaterThanOrEqualTo(6);
    }

    /** One assignment per value of the dashboard's custom variables (the text boxes keep their default). */
    private static List<Map<String, String>> variableValues(JsonNode dashboard, Map<String, String> range) {
        List<Map<String, String>> assignments = new ArrayList<>(List.of(new LinkedHashMap<>(range)));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String name = variable.path("name").asString();
            List<String> values = switch (variable.path("type").asString()) {
                case "custom" -> List.of(variable.path("query").asString().split(","));
                case "textbox" -> List.of(variable.path("query").asString());
                default -> List.of();
            };
            if (values.isEmpty()) {
                continue;
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> assignment : assignments) {
                for (String value : values) {
                    Map<String, String> extended = new LinkedHashMap<>(assignment);
                    extended.put(name, value.trim());
                    next.add(extended);
                }
            }
            assignments = next;
        }
        return assignments;
    }

    private static String substitute(String document, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(document);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(result, Matcher.quoteReplacement(values.getOrDefault(name, matcher.group())));
        }
        return matcher.appendTail(result).toString();
    }

    /** Infinity's root selector: a dotted path into the JSON answer. */
    private static JsonNode select(JsonNode answer, String rootSelector) {
        JsonNode node = answer;
        for (String step : rootSelector.split("\\.")) {
            node = node.path(step);
        }
        return node;
    }
}
