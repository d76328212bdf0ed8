package com.crashanalytics.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import graphql.language.Document;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every GraphQL example of the README runs, in the README's order, against a fresh gateway with the default limits,
 * as a reader would send it: the {@code curl} request, each operation of the {@code graphql} blocks (by name when a
 * block holds several), and each {@code json} request body ({@code {"query": ...}}). None may answer an error, and
 * where the README shows the answer right below a request, the gateway answers that, apart from values that differ
 * each run (ids, times of registration, cursors). So the README cannot drift from the schema unnoticed.
 * <p>
 * The queries of the "Demo data" section are left to {@code DemoIT}: they read what the demo writes, which the
 * README's own examples do not, and {@code DemoIT} runs them over a real demo run.
 */
@GatewayIntegrationTest
class ReadmeExamplesIT {

    static final Path README = Path.of("..", "README.md");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Values a README example's required variables take (the README's own bot). */
    static final Map<String, Object> VARIABLES = Map.of("botId", "aviator_bot_001", "sessionId", "session_20261121_001");

    /** What a run's answer may hold otherwise than the README shows. */
    static final Set<String> VARYING = Set.of("id", "registeredAt", "updatedAt", "cursor", "startCursor", "endCursor");

    /** README sections whose examples another test runs over the data they need (DemoIT: the demo's data). */
    static final Set<String> SECTIONS_TESTED_ELSEWHERE = Set.of("Demo data");

    static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    static final Pattern CURL_BODY = Pattern.compile("-d '(\\{.*?\\})'", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Test
    void everyExampleRunsAndAnswersWhatTheReadmeShows() throws IOException {
        List<Block> blocks = blocks(Files.readAllLines(README));
        GraphQlClient client = new GraphQlClient(port);
        int requests = 0;
        int answersCompared = 0;
        // What the README leaves to the reader: "<id>" is the id of the key created just before
        Map<String, String> placeholders = new LinkedHashMap<>();

        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            List<String> bodies = requestBodies(block);
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            JsonNode shown = next != null && next.language().equals("json") && next.rightAfter(block) && bodies.size() == 1
                    ? JSON.readTree(next.text()) : null;
            for (String body : bodies) {
                for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                    body = body.replace(placeholder.getKey(), placeholder.getValue());
                }
                GraphQlResponse response = client.post(body);
                JsonNode createdKey = response.json().path("data").path("createApiKey").path("apiKey").path("id");
                if (createdKey.isString()) {
                    placeholders.put("<id>", createdKey.asString());
                }
                assertThat(response.hasErrors()).as("README line %d: %s\nanswered %s", block.line(), body, response.body())
                        .isFalse();
                requests++;
                if (shown != null && shown.has("data")) {
                    assertThat(withoutVarying(response.json())).as("README line %d: the answer shown below it", next.line())
                            .isEqualTo(withoutVarying(shown));
                    answersCompared++;
                }
            }
        }

        // The quick start's curl and its two operations, the four key-management curls, the audit trail's query, the
        // write path's five bodies, the dashboard, the paging example, the four analytics documents and the four of
        // returns on equity, capital, currency and signal baselines, the exchange rate and the converted figures, the
        // insights' luck-or-edge, platform integrity, strategy replay and risk-of-ruin documents, the time series
        // example, the alerts' rule and its alerts, the fleet's health and restart recovery (bots in operation), the
        // data lifecycle's dry run, its partitions' dry run and database size, the predictions' two operations, and
        // the METRICS key of Operations:
        // 1 + 2 + 4 + 1 + 5 + 1 + 1 + 4 + 4 + 2 + 4 + 1 + 2 + 2 + 3 + 2 + 1 = 40, and paper and live money's query: 41.
        // An example that stops being found (a changed fence, say) fails here.
        assertThat(requests).as("requests found in the README").isEqualTo(41);
        assertThat(answersCompared).as("answers shown right below their request").isEqualTo(3);
    }

    /** What to POST for a block: none for an answer, a shell command without a request, or other text. */
    private static List<String> requestBodies(Block block) {
        return switch (block.language()) {
            case "graphql" -> operations(block.text());
            case "json" -> {
                JsonNode json = JSON.readTree(block.text().lines().findFirst().orElse("").startsWith("{\"query\"")
                        ? block.text() : "{}");
                yield json.has("query") ? List.of(block.text()) : List.of();
            }
            case "bash" -> {
                Matcher curl = CURL_BODY.matcher(block.text());
                List<String> bodies = new ArrayList<>();
                while (block.text().contains("/graphql") && curl.find()) {
                    bodies.add(curl.group(1));
                }
                yield bodies;
            }
            default -> List.of();
        };
    }

    /** Each operation of a document, as a request body with the example values of its required variables. */
    private static List<String> operations(String document) {
        Document parsed = Parser.parse(document);
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
        List<String> bodies = new ArrayList<>();
        for (OperationDefinition operation : operations) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", document);
            if (operations.size() > 1) {
                assertThat(operation.getName()).as("an operation among several needs a name:\n%s", document).isNotNull();
                body.put("operationName", operation.getName());
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                if (variable.getType() instanceof NonNullType && variable.getDefaultValue() == null) {
                    assertThat(VARIABLES).as("an example value for $%s", variable.getName()).containsKey(variable.getName());
                    variables.put(variable.getName(), VARIABLES.get(variable.getName()));
                }
            }
            body.put("variables", variables);
            bodies.add(JSON.writeValueAsString(body));
        }
        return bodies;
    }

    private static JsonNode withoutVarying(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            VARYING.forEach(object::remove);
        }
        node.forEach(ReadmeExamplesIT::strip);
    }

    /**
     * The fenced blocks of a markdown text, with the line each starts on and the line its fence closes on, outside
     * the sections named in {@link #SECTIONS_TESTED_ELSEWHERE}.
     */
    private static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        boolean skipped = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("## ")) {
                skipped = SECTIONS_TESTED_ELSEWHERE.contains(lines.get(i).substring(3).strip());
            }
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || skipped) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(open.group(1), text.toString(), start + 1, i + 1, lines));
        }
        return blocks;
    }

    /** A fenced block: its language, its text, the (1-based) lines of its opening and closing fences. */
    record Block(String language, String text, int line, int closingLine, List<String> readme) {

        /** Whether only blank lines stand between the other block and this one. */
        boolean rightAfter(Block previous) {
            return readme.subList(previous.closingLine(), line - 1).stream().allMatch(String::isBlank);
        }

        @Override
        public String toString() {
            return language + " block at line " + line;
        }
    }
}
