package com.crashanalytics.api.security.access;

import static com.crashanalytics.api.security.access.AccessPolicy.botWrite;
import static com.crashanalytics.api.security.access.BotScope.botIdAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, checked at build time: every root field of schema.graphqls (Query, Mutation, Subscription,
 * extensions included) has exactly one declared access policy in {@link GatewayAccessPolicies}, every policy
 * names a field that exists, and every argument path a policy reads resolves in the schema to an ID or String.
 * A new operation without a policy fails here (and is refused to every key at run time until it has one).
 */
class AccessPolicyCoverageTest {

    private static final List<String> ROOT_TYPES = List.of("Query", "Mutation", "Subscription");

    @Test
    void everyRootFieldOfTheSchemaHasAPolicyAndEveryPolicyAField() throws Exception {
        TypeDefinitionRegistry schema = parseSchema();

        assertThat(problems(schema, GatewayAccessPolicies.declared())).isEmpty();
    }

    @Test
    void theCheckNoticesAnOperationWithoutAPolicy() {
        TypeDefinitionRegistry schema = new SchemaParser().parse("""
                type Query { bot(botId: ID!): String }
                type Mutation { logRound(input: LogRoundInput!): String }
                extend type Mutation { endSession(sessionId: ID!): String }
                input LogRoundInput { botId: ID! }
                """);
        AccessPolicies policies = AccessPolicies.builder()
                .query("bot", AccessPolicy.botRead(botIdAt("botId")))
                .build();

        assertThat(problems(schema, policies)).containsExactlyInAnyOrder(
                "Mutation.logRound has no access policy in GatewayAccessPolicies",
                "Mutation.endSession has no access policy in GatewayAccessPolicies");
    }

    @Test
    void theCheckNoticesAPolicyForNothingAndAPathThatGoesNowhere() {
        TypeDefinitionRegistry schema = new SchemaParser().parse("""
                type Query { bot(botId: ID!): String }
                type Mutation { logRounds(input: LogRoundsInput!): String }
                input LogRoundsInput { rounds: [RoundInput!]! }
                input RoundInput { botId: ID! stake: Float }
                """);
        AccessPolicies policies = AccessPolicies.builder()
                .query("bot", AccessPolicy.botRead(botIdAt("botID")))
                .query("bots", AccessPolicy.allBotsRead())
                .mutation("logRounds", botWrite(botIdAt("input.rounds[].stake")))
                .build();

        assertThat(problems(schema, policies)).containsExactlyInAnyOrder(
                "Query.bots has a policy but is not in the schema",
                "Query.bot: argument path botID does not resolve (no argument or field 'botID')",
                "Mutation.logRounds: argument path input.rounds[].stake ends at Float, not at an ID or String");
    }

    @Test
    void listPathsFollowListsAndOnlyLists() {
        TypeDefinitionRegistry schema = new SchemaParser().parse("""
                type Query { x: String }
                type Mutation { logRounds(input: LogRoundsInput!): String }
                input LogRoundsInput { rounds: [RoundInput!]! botId: ID }
                input RoundInput { botId: ID! }
                """);

        assertThat(problems(schema, AccessPolicies.builder()
                .query("x", AccessPolicy.adminOnly())
                .mutation("logRounds", botWrite(botIdAt("input.rounds[].botId"))).build())).isEmpty();
        assertThat(problems(schema, AccessPolicies.builder()
                .query("x", AccessPolicy.adminOnly())
                .mutation("logRounds", botWrite(botIdAt("input.rounds.botId"))).build()))
                .containsExactly("Mutation.logRounds: argument path input.rounds.botId does not resolve "
                        + "(rounds is a list: write rounds[])");
    }

    static List<String> problems(TypeDefinitionRegistry schema, AccessPolicies policies) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> rootFields = new TreeSet<>();
        for (String rootType : ROOT_TYPES) {
            for (FieldDefinition field : rootFieldsOf(schema, rootType)) {
                String coordinates = rootType + "." + field.getName();
                rootFields.add(coordinates);
                Optional<AccessPolicy> policy = policies.of(rootType, field.getName());
                if (policy.isEmpty()) {
                    problems.add(coordinates + " has no access policy in GatewayAccessPolicies");
                    continue;
                }
                policy.get().botScope().flatMap(AccessPolicyCoverageTest::pathOf)
                        .flatMap(path -> pathProblem(schema, field, path))
                        .ifPresent(problem -> problems.add(coordinates + ": " + problem));
            }
        }
        for (String declared : policies.coordinates()) {
            if (!rootFields.contains(declared)) {
                problems.add(declared + " has a policy but is not in the schema");
            }
        }
        return problems;
    }

    private static List<FieldDefinition> rootFieldsOf(TypeDefinitionRegistry schema, String rootType) {
        List<FieldDefinition> fields = new ArrayList<>();
        schema.getType(rootType, ObjectTypeDefinition.class).ifPresent(type -> fields.addAll(type.getFieldDefinitions()));
        for (ObjectTypeExtensionDefinition extension : schema.objectTypeExtensions().getOrDefault(rootType, List.of())) {
            fields.addAll(extension.getFieldDefinitions());
        }
        return fields;
    }

    private static Optional<ArgumentPath> pathOf(BotScope scope) {
        if (scope instanceof BotScope.BotIdAt botIdAt) {
            return Optional.of(botIdAt.path());
        }
        if (scope instanceof BotScope.OwnerOf ownerOf) {
            return Optional.of(ownerOf.path());
        }
        return Optional.empty();
    }

    /** Walks the path through the field's arguments and input types; says what is wrong, if anything. */
    private static Optional<String> pathProblem(TypeDefinitionRegistry schema, FieldDefinition field, ArgumentPath path) {
        List<InputValueDefinition> candidates = field.getInputValueDefinitions();
        Type<?> type = null;
        for (ArgumentPath.Step step : path.steps()) {
            Optional<InputValueDefinition> next = candidates.stream()
                    .filter(value -> value.getName().equals(step.name())).findFirst();
            if (next.isEmpty()) {
                return Optional.of("argument path " + path + " does not resolve (no argument or field '" + step.name() + "')");
            }
            type = withoutNonNull(next.get().getType());
            if (type instanceof ListType && !step.list()) {
                return Optional.of("argument path " + path + " does not resolve (" + step.name()
                        + " is a list: write " + step.name() + "[])");
            }
            if (step.list() && !(type instanceof ListType)) {
                return Optional.of("argument path " + path + " does not resolve (" + step.name() + " is not a list)");
            }
            if (type instanceof ListType list) {
                type = withoutNonNull(list.getType());
            }
            String typeName = ((TypeName) type).getName();
            candidates = schema.getType(typeName, InputObjectTypeDefinition.class)
                    .map(InputObjectTypeDefinition::getInputValueDefinitions).orElse(List.of());
        }
        String leaf = type instanceof TypeName name ? name.getName() : String.valueOf(type);
        return java.util.Set.of("ID", "String").contains(leaf) ? Optional.empty()
                : Optional.of("argument path " + path + " ends at " + leaf + ", not at an ID or String");
    }

    private static Type<?> withoutNonNull(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }

    private static TypeDefinitionRegistry parseSchema() throws Exception {
        try (InputStream schema = AccessPolicyCoverageTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            assertThat(schema).as("schema.graphqls on the classpath").isNotNull();
            return new SchemaParser().parse(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
