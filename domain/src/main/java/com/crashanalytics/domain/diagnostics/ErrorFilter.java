package com.crashanalytics.domain.diagnostics;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.BotScopedFilter;
import com.crashanalytics.domain.common.paging.ListFilter;
import com.crashanalytics.domain.session.StartSessionCommand;
import org.jspecify.annotations.Nullable;

/**
 * Which errors to list; every criterion optional.
 *
 * @param botIds only errors of these bots
 * @param from errors that happened at or after this instant
 * @param to   errors that happened before this instant
 */
public record ErrorFilter(
        @Nullable String botId,
        @Nullable List<String> botIds,
        @Nullable String sessionId,
        @Nullable String errorType,
        @Nullable Severity severity,
        @Nullable Instant from,
        @Nullable Instant to) implements BotScopedFilter<ErrorFilter> {

    /** Every error. */
    public static final ErrorFilter ALL = new ErrorFilter(null, null, null, null, null, null, null);

    @Override
    public ErrorFilter within(Collection<String> visibleBots) {
        return new ErrorFilter(botId, ListFilter.narrowed(botIds, visibleBots), sessionId, errorType, severity, from, to);
    }

    @Override
    public List<Violation> violations() {
        Violations violations = new Violations();
        ListFilter.identifierIfGiven(violations, "botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        ListFilter.botIdsIfGiven(violations, botIds, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        ListFilter.identifierIfGiven(violations, "sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH);
        ListFilter.identifierIfGiven(violations, "errorType", errorType, 100);
        return ListFilter.checkWindow(violations, from, to).list();
    }
}
