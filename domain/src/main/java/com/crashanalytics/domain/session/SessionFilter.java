package com.crashanalytics.domain.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.crashanalytics.domain.bot.ConfigurePlatformCommand;
import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.BotScopedFilter;
import com.crashanalytics.domain.common.paging.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * Which sessions to list; every criterion optional.
 *
 * @param botIds only sessions of these bots
 * @param from sessions that started at or after this instant
 * @param to   sessions that started before this instant
 * @param stale true: only stale sessions (ACTIVE and silent for longer than the stale limit); false: only the others
 * @param tradeType only sessions of bots playing this kind of money (a session plays its bot's); null: both
 */
public record SessionFilter(
        @Nullable String botId,
        @Nullable List<String> botIds,
        @Nullable String gameName,
        @Nullable String platformCode,
        @Nullable String strategyName,
        @Nullable SessionStatus status,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Boolean stale,
        @Nullable TradeType tradeType) implements BotScopedFilter<SessionFilter> {

    /** Every session. */
    public static final SessionFilter ALL = new SessionFilter(null, null, null, null, null, null, null, null, null,
            null);

    @Override
    public SessionFilter within(Collection<String> visibleBots) {
        return new SessionFilter(botId, ListFilter.narrowed(botIds, visibleBots), gameName, platformCode, strategyName,
                status, from, to, stale, tradeType);
    }

    @Override
    public List<Violation> violations() {
        Violations violations = new Violations().text("strategyName", strategyName, 100);
        ListFilter.identifierIfGiven(violations, "botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        ListFilter.botIdsIfGiven(violations, botIds, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        ListFilter.codeIfGiven(violations, "gameName", gameName, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        ListFilter.codeIfGiven(violations, "platformCode", platformCode, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        return ListFilter.checkWindow(violations, from, to).list();
    }
}
