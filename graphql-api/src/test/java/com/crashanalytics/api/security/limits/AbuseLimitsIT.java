package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents built to hurt are refused before they run, with an error that says which limit and by how much,
 * and nothing they ask for is executed or written. After each, the gateway still answers an honest bot.
 */
@GatewayIntegrationTest
class AbuseLimitsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REGISTER = "registerBot(input: {botId: \"bot_a\"}) { registration }";
    private static final Map<String, Object> BOT_A = Map.of("i", Map.of("botId", "bot_a"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GraphQlClient attacker;
    GraphQlClient honestBot;

    @BeforeEach
    void connect() {
        attacker = new GraphQlClient(port);
        honestBot = new GraphQlClient(port).withApiKey(new TestApiKeys(port).bot("honest_bot"));
    }

    @AfterEach
    void theGatewayStillAnswersOthersAndNothingWasWritten() {
        GraphQlResponse honest = honestBot.execute("mutation { registerBot(input: {botId: \"honest_bot\"}) { registration } }");

        assertThat(honest.hasErrors()).as(honest.body()).isFalse();
        assertThat(jdbc.queryForList("SELECT bot_id FROM bot_vm_registration", String.class)).containsExactly("honest_bot");
    }

    @Test
    void aQueryFiftyLevelsDeepIsRefused() {
        // Introspection nests as deep as one likes: __type { ofType { ofType { ... } } }.
        String deep = "{ __type(name: \"Bot\") { " + "ofType { ".repeat(48) + "name" + " }".repeat(48) + " } }";

        GraphQlResponse response = attacker.execute(deep);

        assertRefusedFor(response, "maxDepth", 15, 50);
        assertThat(response.errors().get(0).path("message").asString()).contains("50 levels deep").contains("GATEWAY_MAX_QUERY_DEPTH");
    }

    @Test
    void aThousandAliasedMutationsAreRefusedAndNoneRuns() {
        // 12 tokens each, 12,000 in all: under the parser's limit, so the alias limit is what refuses it.
        String thousand = "mutation($i: RegisterBotInput!) { " + IntStream.range(0, 1000)
                .mapToObj(i -> "m" + i + ": registerBot(input: $i) { registration }").collect(Collectors.joining(" ")) + " }";

        assertRefusedFor(attacker.execute(thousand, BOT_A), "maxAliases", 30, 1000);
    }

    @Test
    void aThousandRootFieldsWithoutAliasesAreRefusedToo() {
        String thousand = "{ " + "bot(botId: \"x\") { botId } ".repeat(1000) + "}";

        assertRefusedFor(attacker.execute(thousand), "maxRootFields", 20, 1000);
    }

    @Test
    void aFragmentBombIsRefusedBeforeItExpands() {
        // F30 spreads F29 twice, which spreads F28 twice, ...: 2^30 times registerBot { registration }, 2^31 fields, in 2 KB.
        StringBuilder document = new StringBuilder("mutation { ...F30 } fragment F0 on Mutation { " + REGISTER + " } ");
        for (int i = 1; i <= 30; i++) {
            document.append("fragment F").append(i).append(" on Mutation { ...F").append(i - 1).append(" ...F").append(i - 1).append(" } ");
        }

        assertRefusedFor(attacker.execute(document.toString()), "maxComplexity", 100_000, 1L << 31);
    }

    @Test
    void aQueryOverTheComplexityLimitIsRefused() {
        // No aliases, 6 levels deep, yet 250,000 rows: bot edges 1 + node (1 + sessions (1 + 500 x edges (1 + node
        // (1 + sessionId 1)))) = 1 + (1 + 1,501) = 1,503; bots = 1 + 500 x 1,503 = 751,501 > 100,000.
        String query = "{ bots(first: 500) { edges { node { sessions(first: 500) { edges { node { sessionId } } } } } } }";

        assertRefusedFor(attacker.execute(query), "maxComplexity", 100_000, 751_501);
    }

    @Test
    void moreThanFifteenThousandTokensAreRefusedByTheParser() {
        String document = "mutation { " + REGISTER.replace("registration", "registration" + " __typename".repeat(15_000)) + " }";

        GraphQlResponse response = attacker.execute(document);

        assertThat(response.classifications()).as(response.body()).containsExactly("InvalidSyntax");
        assertThat(response.errors().get(0).path("message").asString()).contains("15,000 'grammar' tokens");
    }

    @Test
    void aTwoMegabyteDocumentIsRefusedUnread() {
        String body = JSON.writeValueAsString(Map.of("query", "mutation { " + REGISTER + " } #" + "x".repeat(2_000_000)));

        GraphQlResponse response = attacker.post(body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.classifications()).containsExactly("BAD_REQUEST");
        assertThat(response.errors().get(0).path("extensions").path("max").asLong()).isEqualTo(1_048_576);
    }

    @Test
    void aTwoMegabyteBodyWithoutContentLengthIsRefusedToo() {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", "mutation { " + REGISTER + " } #" + "x".repeat(2_000_000)));

        GraphQlResponse response = attacker.send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errors().get(0).path("extensions").path("limit").asString()).isEqualTo("maxRequestSize");
    }

    @Test
    void aSmallChunkedBodyIsServedNormally() {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", "{ bot(botId: \"x\") { botId } }"));

        GraphQlResponse response = attacker.send(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(body)));

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.data("bot").isNull()).isTrue();
    }

    @Test
    void graphiqlsOwnIntrospectionQueryIsWithinTheLimits() throws Exception {
        String introspection;
        try (InputStream query = getClass().getResourceAsStream("/graphiql-introspection.graphql")) {
            introspection = new String(query.readAllBytes(), StandardCharsets.UTF_8);
        }

        GraphQlResponse response = attacker.execute(introspection);

        assertThat(response.hasErrors()).as(response.body()).isFalse();
        assertThat(response.data("__schema.mutationType.name").asString()).isEqualTo("Mutation");
    }

    @Test
    void malformedRequestsGetAnErrorThatLeaksNoInternals() {
        GraphQlResponse truncatedJson = attacker.post("{\"query\": \"{ bot");
        GraphQlResponse notJson = attacker.post("query { bot }");
        GraphQlResponse badSyntax = attacker.execute("{ bot(( }");
        GraphQlResponse unknownField = attacker.execute("{ bots { id } }");
        GraphQlResponse missingVariable = attacker.execute("query($id: ID!) { bot(botId: $id) { botId } }");

        assertThat(truncatedJson.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(badSyntax.classifications()).containsExactly("InvalidSyntax");
        assertThat(unknownField.classifications()).containsExactly("ValidationError");
        // A variable without its value is data the client did not send: BAD_REQUEST naming it (the README's scheme).
        assertThat(missingVariable.classifications()).containsExactly("BAD_REQUEST");
        for (GraphQlResponse response : new GraphQlResponse[] {truncatedJson, notJson, badSyntax, unknownField, missingVariable}) {
            assertThat(response.body())
                    .doesNotContain("Exception").doesNotContain("tools.jackson").doesNotContain("graphql.")
                    .doesNotContain("org.springframework").doesNotContain("\tat ").doesNotContain("trace");
        }
    }

    private static void assertRefusedFor(GraphQlResponse response, String limit, long max, long actual) {
        assertThat(response.classifications()).as(response.body()).containsExactly("BAD_REQUEST");
        assertThat(response.errors().get(0).path("extensions").path("limit").asString()).isEqualTo(limit);
        assertThat(response.errors().get(0).path("extensions").path("max").asLong()).isEqualTo(max);
        assertThat(response.errors().get(0).path("extensions").path("actual").asLong()).isEqualTo(actual);
        assertThat(response.json().path("data").isMissingNode() || response.json().path("data").isNull()).isTrue();
    }
}
