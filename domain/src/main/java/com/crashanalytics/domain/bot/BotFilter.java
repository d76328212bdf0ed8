package com.crashanalytics.domain.bot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.BotScopedFilter;
import com.crashanalytics.domain.common.paging.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * Which bots to list. The game, platform and window select bots by their sessions: a bot is listed when it started
 * at least one session on that game and platform within {@code [from, to)}.
 *
 * @param botIds       only these bots
 * @param strategyName the bot's registered strategy
 * @param status       bots in this status now (see {@link BotStatus})
 * @param tradeType    bots playing this kind of money; null: both
 */
public record BotFilter(
        @Nullable List<String> botIds,
        @Nullable String strategyName,
        @Nullable String gameName,
        @Nullable String platformCode,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable BotStatus status,
        @Nullable TradeType tradeType) implements BotScopedFilter<BotFilter> {

    /** Every bot. */
    public static final BotFilter ALL = new BotFilter(null, null, null, null, null, null, null, null);

    @Override
    public BotFilter within(Collection<String> visibleBots) {
        return new BotFilter(ListFilter.narrowed(botIds, visibleBots), strategyName, gameName, platformCode, from, to,
                status, tradeType);
    }

    /** Whether the filter selects bots by their sessions. */
    public boolean concernsSessions() {
        return gameName != null || platformCode != null || from != null || to != null;
    }

    @Override
    public List<Violation> violations() {
        Violations violations = new Violations().text("strategyName", strategyName, 100);
        ListFilter.botIdsIfGiven(violations, botIds, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        ListFilter.codeIfGiven(violations, "gameName", gameName, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        ListFilter.codeIfGiven(violations, "platformCode", platformCode, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        return ListFilter.checkWindow(violations, from, to).list();
    }
}
