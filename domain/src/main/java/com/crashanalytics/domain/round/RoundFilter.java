package com.crashanalytics.domain.round;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.crashanalytics.domain.bot.ConfigurePlatformCommand;
import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.common.Violation;
import com.crashanalytics.domain.common.Violations;
import com.crashanalytics.domain.common.paging.BotScopedFilter;
import com.crashanalytics.domain.common.paging.ListFilter;
import com.crashanalytics.domain.session.StartSessionCommand;
import org.jspecify.annotations.Nullable;

/**
 * Which rounds to list; every criterion optional.
 *
 * @param botIds          only rounds of these bots
 * @param strategyName    the round's strategy (the session's unless the round named another)
 * @param dataQualityFlag only rounds carrying this flag
 * @param from            rounds that started at or after this instant
 * @param to              rounds that started before this instant
 */
public record RoundFilter(
        @Nullable String botId,
        @Nullable List<String> botIds,
        @Nullable String sessionId,
        @Nullable String gameName,
        @Nullable String platformCode,
        @Nullable String strategyName,
        @Nullable RoundOutcome roundOutcome,
        @Nullable DataQualityFlag dataQualityFlag,
        @Nullable Instant from,
        @Nullable Instant to) implements BotScopedFilter<RoundFilter> {

    /** Every round. */
    public static final RoundFilter ALL = new RoundFilter(null, null, null, null, null, null, null, null, null, null);

    @Override
    public RoundFilter within(Collection<String> visibleBots) {
        return new RoundFilter(botId, ListFilter.narrowed(botIds, visibleBots), sessionId, gameName, platformCode,
                strategyName, roundOutcome, dataQualityFlag, from, to);
    }

    @Override
    public List<Violation> violations() {
        Violations violations = new Violations().text("strategyName", strategyName, 100);
        ListFilter.identifierIfGiven(violations, "botId", botId, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        ListFilter.botIdsIfGiven(violations, botIds, RegisterBotCommand.MAX_BOT_ID_LENGTH);
        ListFilter.identifierIfGiven(violations, "sessionId", sessionId, StartSessionCommand.MAX_SESSION_ID_LENGTH);
        ListFilter.codeIfGiven(violations, "gameName", gameName, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        ListFilter.codeIfGiven(violations, "platformCode", platformCode, ConfigurePlatformCommand.MAX_CODE_LENGTH);
        return ListFilter.checkWindow(violations, from, to).list();
    }
}
