package com.crashanalytics.api.security;

import static com.crashanalytics.api.security.AccessPolicy.adminOnly;
import static com.crashanalytics.api.security.AccessPolicy.botRead;
import static com.crashanalytics.api.security.AccessPolicy.botWrite;
import static com.crashanalytics.api.security.BotScope.botIdAt;

/**
 * Who may call what: one line per root field of schema.graphqls. Adding an operation to the schema without a
 * line here leaves it denied to every key and fails {@code AccessPolicyCoverageTest}.
 *
 * <ul>
 *   <li>{@code botWrite(scope)}: ADMIN, and BOT keys for their own bots (DASHBOARD is read-only).</li>
 *   <li>{@code botRead(scope)}: ADMIN and DASHBOARD for every bot, BOT keys for their own bots.</li>
 *   <li>{@code allBotsRead()}: ADMIN and DASHBOARD only (cross-bot views that cannot be narrowed to one bot).</li>
 *   <li>{@code adminOnly()}: ADMIN only (keys, platform configuration, retention).</li>
 * </ul>
 * The scope says where the request names its bot: {@code botIdAt("input.botId")},
 * {@code botIdAt("input.rounds[].botId")}, {@code ownerOf(OwnedResource.SESSION, "input.sessionId")} (the
 * session's bot), or {@code filteredByResolver()} (the resolver narrows the answer to the caller's bots).
 */
public final class GatewayAccessPolicies {

    private GatewayAccessPolicies() {
    }

    public static AccessPolicies declared() {
        return AccessPolicies.builder()
                // Bots
                .query("bot", botRead(botIdAt("botId")))
                .mutation("registerBot", botWrite(botIdAt("input.botId")))
                // API keys
                .query("apiKeys", adminOnly())
                .mutation("createApiKey", adminOnly())
                .mutation("revokeApiKey", adminOnly())
                .build();
    }
}
