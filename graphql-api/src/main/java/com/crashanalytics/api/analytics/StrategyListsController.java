package com.crashanalytics.api.analytics;

import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.paging.BatchLoaders;
import com.crashanalytics.api.paging.ChildPage;
import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotFilter;
import com.crashanalytics.domain.bot.BotReadModel;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionFilter;
import com.crashanalytics.domain.session.SessionReadModel;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A strategy's bots and sessions: the lists {@code bots} and {@code sessions} filtered by the strategy's name, paged
 * the same way, each read for every strategy of a comparison in one statement (and one per count asked for).
 * <p>
 * Only ADMIN and DASHBOARD keys reach a strategy ({@code strategy} and {@code strategies} are views across bots), so
 * these lists are not narrowed to a caller's bots; {@code CrossBotTypesTest} keeps a strategy out of a BOT key's reach.
 */
@Controller
class StrategyListsController {

    private static final String BOTS = "botsOfStrategies";
    private static final String BOT_COUNTS = "botCountsOfStrategies";
    private static final String SESSIONS = "sessionsOfStrategies";
    private static final String SESSION_COUNTS = "sessionCountsOfStrategies";

    StrategyListsController(BotReadModel bots, SessionReadModel sessions, BatchLoaderRegistry loaders) {
        BatchLoaders.pagesOfParents(loaders, BOTS, bots::botsOfStrategies);
        BatchLoaders.countsOfParents(loaders, BOT_COUNTS, bots::countBotsOfStrategies);
        BatchLoaders.pagesOfParents(loaders, SESSIONS, sessions::sessionsOfStrategies);
        BatchLoaders.countsOfParents(loaders, SESSION_COUNTS, sessions::countSessionsOfStrategies);
    }

    @SchemaMapping(typeName = "Strategy")
    CompletableFuture<Connection<Bot>> bots(StrategyView strategy, @Argument @Nullable BotFilter filter,
                                            @Argument Integer first, @Argument @Nullable String after,
                                            @Argument SortDirection direction,
                                            DataLoader<ChildPage<BotFilter>, Page<Bot>> botsOfStrategies) {
        ListQuery<BotFilter> query = ListQuery.of(filter == null ? BotFilter.ALL : filter, BotReadModel.BY_REGISTRATION,
                first, after, direction);
        return Connection.ofChildren(botsOfStrategies, BOT_COUNTS, strategy.name(), query);
    }

    @SchemaMapping(typeName = "Strategy")
    CompletableFuture<Connection<Session>> sessions(StrategyView strategy, @Argument @Nullable SessionFilter filter,
                                                    @Argument Integer first, @Argument @Nullable String after,
                                                    @Argument SortDirection direction,
                                                    DataLoader<ChildPage<SessionFilter>, Page<Session>> sessionsOfStrategies) {
        ListQuery<SessionFilter> query = ListQuery.of(filter == null ? SessionFilter.ALL : filter,
                SessionReadModel.BY_START, first, after, direction);
        return Connection.ofChildren(sessionsOfStrategies, SESSION_COUNTS, strategy.name(), query);
    }
}
