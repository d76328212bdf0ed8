package com.crashanalytics.api.security.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crashanalytics.api.testing.GatewaySchema;
import com.crashanalytics.domain.access.ApiKeyRole;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

/**
 * Access is decided on root fields; a nested field takes its root's decision. That is sound because below a root a
 * BOT key may call (its bot, its session, its round, the lists narrowed to its bots) every type holds that bot's
 * data: {@code Bot.statistics}, {@code Session.summary} and {@code Session.equityCurve} are the bot's own figures.
 * Types whose every answer spans bots (a strategy's performance over every bot that played it, leaderboards,
 * platform-wide distributions) must therefore never be reachable from such a root: adding, say, a
 * {@code Bot.strategy: Strategy} field would hand a BOT key every other bot's results under that strategy. This
 * test walks the schema from every root a BOT key may call and fails when it reaches one of them.
 */
class CrossBotTypesTest {

    /** Types whose answers aggregate or list every bot's data: reached only from ADMIN and DASHBOARD roots. */
    static final Set<String> CROSS_BOT_TYPES = Set.of("Strategy", "LeaderboardPosition", "MultiplierDistribution",
            "BigMultiplierGaps", "SignalEffectiveness", "ErrorTypeCount", "OcrQuality");

    @Test
    void noRootABotKeyMayCallLeadsToATypeThatSpansBots() throws Exception {
        GraphQLSchema schema = schema(GatewaySchema.text());

        Map<String, List<String>> leaks = leaks(schema, GatewayAccessPolicies.declared());

        assertThat(leaks).as("cross-bot types a BOT key reaches, by the path that reaches them").isEmpty();
    }

    @Test
    void theCrossBotTypesAreReachedFromTheRootsMeantForThem() throws Exception {
        GraphQLSchema schema = schema(GatewaySchema.text());

        // The walk does find them where they belong: the check above is not vacuous.
        assertThat(reachable(schema, "Query", "strategies")).containsKey("Strategy");
        assertThat(reachable(schema, "Query", "leaderboard")).containsKey("LeaderboardPosition");
        assertThat(reachable(schema, "Query", "session")).containsKeys("Session", "PerformanceStats", "Bot", "Round");
        assertThat(CROSS_BOT_TYPES).allSatisfy(type -> assertThat(schema.getType(type)).as(type).isNotNull());
    }

    @Test
    void aFieldThatWouldLeadABotKeyToAStrategyIsNoticed() {
        GraphQLSchema schema = schema("""
                type Query { bot: Bot strategies: [Strategy] }
                type Bot { botId: ID sessions: [Session] }
                type Session { sessionId: ID strategy: Strategy }
                type Strategy { name: String bots: [Bot] }
                """);
        AccessPolicies policies = AccessPolicies.builder()
                .query("bot", AccessPolicy.botRead(BotScope.botIdAt("botId")))
                .query("strategies", AccessPolicy.allBotsRead())
                .build();

        assertThat(leaks(schema, policies)).containsExactly(Map.entry("Query.bot", List.of("Bot.sessions", "Session.strategy")));
    }

    /** For each root a BOT key may call that reaches a cross-bot type: the fields leading there. */
    private static Map<String, List<String>> leaks(GraphQLSchema schema, AccessPolicies policies) {
        Map<String, List<String>> leaks = new LinkedHashMap<>();
        policies.all().forEach((coordinates, policy) -> {
            if (!policy.allows(ApiKeyRole.BOT)) {
                return;
            }
            String[] parts = coordinates.split("\\.");
            Map<String, List<String>> reached = reachable(schema, parts[0], parts[1]);
            CROSS_BOT_TYPES.stream().filter(reached::containsKey).findFirst()
                    .ifPresent(type -> leaks.put(coordinates, reached.get(type)));
        });
        return leaks;
    }

    /** Every named type reachable from a root field, with the path of fields (after the root) that first reaches it. */
    private static Map<String, List<String>> reachable(GraphQLSchema schema, String rootType, String field) {
        GraphQLFieldsContainer root = (GraphQLFieldsContainer) schema.getType(rootType);
        Map<String, List<String>> paths = new LinkedHashMap<>();
        Deque<GraphQLNamedType> queue = new ArrayDeque<>();
        GraphQLNamedType start = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(root.getFieldDefinition(field).getType());
        paths.put(start.getName(), List.of());
        queue.add(start);
        while (!queue.isEmpty()) {
            GraphQLNamedType type = queue.poll();
            if (!(type instanceof GraphQLFieldsContainer container)) {
                continue;
            }
            for (GraphQLFieldDefinition child : container.getFieldDefinitions()) {
                GraphQLNamedType next = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(child.getType());
                if (!paths.containsKey(next.getName())) {
                    List<String> path = new ArrayList<>(paths.get(type.getName()));
                    path.add(type.getName() + "." + child.getName());
                    paths.put(next.getName(), path);
                    queue.add(next);
                }
            }
        }
        return paths;
    }

    private static GraphQLSchema schema(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }
}
