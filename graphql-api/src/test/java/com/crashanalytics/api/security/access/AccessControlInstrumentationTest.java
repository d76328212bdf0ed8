package com.crashanalytics.api.security.access;

import static com.crashanalytics.api.security.access.AccessPolicy.botRead;
import static com.crashanalytics.api.security.access.AccessPolicy.botWrite;
import static com.crashanalytics.api.security.access.BotScope.botIdAt;
import static com.crashanalytics.api.security.access.BotScope.filteredByResolver;
import static com.crashanalytics.api.security.access.BotScope.ownerOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crashanalytics.api.security.authentication.Callers;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.access.BotOwnership;
import com.crashanalytics.domain.access.OwnedResource;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/**
 * The policy kinds on the operations the write and read paths will add (sessions, rounds, batches), before those
 * exist: a schema of their shape, the instrumentation as the gateway installs it, and the owners of sessions
 * and rounds as the BotOwnership port would answer. Each refused call also proves the resolver never ran.
 */
class AccessControlInstrumentationTest {

    private static final String SCHEMA = """
            type Query { bots: String session(sessionId: ID!): String round(id: ID!): String undeclared: String }
            type Mutation {
              logRounds(input: LogRoundsInput!): String
              endSession(input: EndSessionInput!): String
              heartbeat(input: HeartbeatInput!): String
            }
            input LogRoundsInput { rounds: [RoundInput!]! }
            input RoundInput { botId: ID! sessionId: ID! }
            input EndSessionInput { sessionId: ID! }
            input HeartbeatInput { botId: ID }
            """;

    private static final AccessPolicies POLICIES = AccessPolicies.builder()
            .query("bots", botRead(filteredByResolver()))
            .query("session", botRead(ownerOf(OwnedResource.SESSION, "sessionId")))
            .query("round", botRead(ownerOf(OwnedResource.ROUND, "id")))
            .mutation("logRounds", botWrite(botIdAt("input.rounds[].botId")))
            .mutation("endSession", botWrite(ownerOf(OwnedResource.SESSION, "input.sessionId")))
            .mutation("heartbeat", botWrite(botIdAt("input.botId")))
            .build();

    private final List<String> resolved = new ArrayList<>();
    private final Owners owners = new Owners();

    @Test
    void aBatchIsAllowedOnlyWhenEveryElementIsTheKeysBot() {
        ApiKey botA = key(ApiKeyRole.BOT, "bot_a");

        assertThat(run(botA, "mutation { logRounds(input: {rounds: [{botId: \"bot_a\", sessionId: \"s\"}, "
                + "{botId: \"bot_a\", sessionId: \"s\"}]}) }")).isEmpty();
        assertThat(run(botA, "mutation { logRounds(input: {rounds: [{botId: \"bot_a\", sessionId: \"s\"}, "
                + "{botId: \"bot_b\", sessionId: \"s\"}]}) }"))
                .singleElement().satisfies(error -> assertThat(error.getMessage()).contains("'bot_b'"));
        assertThat(resolved).containsExactly("logRounds");
    }

    @Test
    void aSessionOrRoundIsHeldToItsOwnersBot() {
        owners.sessions.put("s_a", "bot_a");
        owners.sessions.put("s_b", "bot_b");
        owners.rounds.put("r_b", "bot_b");
        ApiKey botA = key(ApiKeyRole.BOT, "bot_a");

        assertThat(run(botA, "mutation { endSession(input: {sessionId: \"s_a\"}) }")).isEmpty();
        assertThat(run(botA, "mutation { endSession(input: {sessionId: \"s_b\"}) }")).extracting(this::classification)
                .containsExactly("FORBIDDEN");
        assertThat(run(botA, "{ round(id: \"r_b\") }")).extracting(this::classification).containsExactly("FORBIDDEN");
        assertThat(run(botA, "{ session(sessionId: \"nobody's\") }")).as("an unknown id reveals nothing")
                .extracting(this::classification).containsExactly("FORBIDDEN");
        assertThat(run(key(ApiKeyRole.DASHBOARD), "{ session(sessionId: \"s_b\") round(id: \"r_b\") }")).isEmpty();
        assertThat(resolved).containsExactly("endSession", "session", "round");
    }

    @Test
    void aBotKeyMustNameItsBotWhenThePolicySaysWhere() {
        assertThat(run(key(ApiKeyRole.BOT, "bot_a"), "mutation { heartbeat(input: {}) }"))
                .singleElement().satisfies(error -> assertThat(error.getMessage()).contains("must name one of its own bots"));
        assertThat(run(key(ApiKeyRole.ADMIN), "mutation { heartbeat(input: {}) }")).isEmpty();
    }

    @Test
    void aFieldWithoutAPolicyIsDeniedToEveryone() {
        for (ApiKey caller : List.of(key(ApiKeyRole.ADMIN), key(ApiKeyRole.DASHBOARD), key(ApiKeyRole.BOT, "bot_a"))) {
            assertThat(run(caller, "{ undeclared }")).singleElement()
                    .satisfies(error -> assertThat(error.getMessage()).contains("Query.undeclared has no access policy"));
        }
        assertThat(resolved).isEmpty();
    }

    @Test
    void withoutACallerNothingRuns() {
        assertThat(run(null, "{ bots }")).extracting(this::classification).containsExactly("UNAUTHORIZED");
        assertThat(resolved).isEmpty();
    }

    @Test
    void aFailedOwnerLookupRefusesWithAnErrorIdAndNoDetails() {
        owners.failWith = new IllegalStateException("FATAL: terminating connection due to administrator command");

        List<GraphQLError> errors = run(key(ApiKeyRole.BOT, "bot_a"), "mutation { endSession(input: {sessionId: \"s_a\"}) }");

        assertThat(errors).extracting(this::classification).containsExactly("INTERNAL_ERROR");
        assertThat(errors.get(0).getMessage()).contains("error id").doesNotContain("FATAL").doesNotContain("Exception");
        assertThat(errors.get(0).getExtensions()).containsKey("errorId");
        assertThat(resolved).isEmpty();
    }

    @Test
    void aRefusalPointsAtTheRefusedField() {
        List<GraphQLError> errors = run(key(ApiKeyRole.DASHBOARD), "mutation {\n  heartbeat(input: {botId: \"bot_a\"})\n}");

        assertThat(errors.get(0).getLocations()).singleElement()
                .satisfies(location -> assertThat(location.getLine()).isEqualTo(2));
        assertThat(errors.get(0).getPath()).containsExactly("heartbeat");
    }

    @Test
    void dashboardsReadAndNeverWrite() {
        ApiKey dashboard = key(ApiKeyRole.DASHBOARD);

        assertThat(run(dashboard, "{ bots }")).isEmpty();
        assertThat(run(dashboard, "mutation { heartbeat(input: {botId: \"bot_a\"}) }"))
                .extracting(this::classification).containsExactly("FORBIDDEN");
    }

    private List<GraphQLError> run(ApiKey caller, String document) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        for (String type : List.of("Query", "Mutation")) {
            wiring.type(type, fields -> fields.defaultDataFetcher(environment -> {
                resolved.add(environment.getField().getName());
                return "ok";
            }));
        }
        GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA),
                        wiring.build()))
                .instrumentation(new AccessControlInstrumentation(POLICIES, owners))
                .build();
        ExecutionInput input = ExecutionInput.newExecutionInput(document)
                .graphQLContext(context -> {
                    if (caller != null) {
                        context.put(Callers.CONTEXT_KEY, caller);
                    }
                })
                .build();
        ExecutionResult result = graphQl.execute(input);
        return result.getErrors();
    }

    private String classification(GraphQLError error) {
        return error.getErrorType().toString();
    }

    private static ApiKey key(ApiKeyRole role, String... botIds) {
        return new ApiKey(UUID.randomUUID(), "test", role, "cag_12345678", List.of(botIds), Instant.EPOCH, null, null);
    }

    /** Who owns which session and round, as the PostgreSQL adapter would answer (that SQL has its own IT). */
    private static final class Owners implements BotOwnership {

        private final Map<String, String> sessions = new HashMap<>();
        private final Map<String, String> rounds = new HashMap<>();
        private RuntimeException failWith;

        @Override
        public Map<String, String> ownersOf(OwnedResource resource, Collection<String> ids) {
            if (failWith != null) {
                throw failWith;
            }
            Map<String, String> known = resource == OwnedResource.SESSION ? sessions : rounds;
            Map<String, String> answer = new HashMap<>();
            ids.stream().filter(known::containsKey).forEach(id -> answer.put(id, known.get(id)));
            return answer;
        }
    }
}
