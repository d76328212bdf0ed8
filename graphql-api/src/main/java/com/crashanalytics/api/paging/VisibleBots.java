package com.crashanalytics.api.paging;

import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;

/**
 * Whose rows a list across bots may show a caller: a BOT key sees its own bots' rows only (the access policy of
 * {@code bots}, {@code sessions}, {@code rounds} and {@code errors} leaves that to the resolver), ADMIN and
 * DASHBOARD keys every bot's. Nested fields need no such care: access is decided on the root field, and below a root
 * a BOT key may call every type holds its bots' data only (a bot's sessions, a session's rounds and summary, ...);
 * the nested lists of a strategy are reached only from roots closed to BOT keys ({@code CrossBotTypesTest} keeps it
 * so).
 */
public final class VisibleBots {

    private VisibleBots() {
    }

    /** The bots the caller is limited to, or empty when it may see every bot. */
    public static Optional<List<String>> of(ApiKey caller) {
        return caller.role() == ApiKeyRole.BOT ? Optional.of(caller.botIds()) : Optional.empty();
    }
}
