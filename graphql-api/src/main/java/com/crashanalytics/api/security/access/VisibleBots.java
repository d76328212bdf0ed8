package com.crashanalytics.api.security.access;

import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.common.paging.BotScopedFilter;
import com.crashanalytics.domain.common.paging.ListQuery;

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

    /** The query as the caller may run it: narrowed to its own bots for a BOT key, as asked otherwise. */
    public static <F extends BotScopedFilter<F>> ListQuery<F> narrow(ApiKey caller, ListQuery<F> query) {
        return caller.role() == ApiKeyRole.BOT ? query.withFilter(query.filter().within(caller.botIds())) : query;
    }
}
