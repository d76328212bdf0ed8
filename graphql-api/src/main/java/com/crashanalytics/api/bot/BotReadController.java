package com.crashanalytics.api.bot;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.paging.BatchLoaders;
import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.api.paging.Connection.Counter;
import com.crashanalytics.api.security.access.VisibleBots;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotFilter;
import com.crashanalytics.domain.bot.BotReadModel;
import com.crashanalytics.domain.bot.BotStatus;
import com.crashanalytics.domain.bot.TradeType;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.diagnostics.ErrorLog;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.session.Session;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Bots as dashboards read them: one by id, the list of bots, and the bot of a session, round or error (batched). */
@Controller
class BotReadController {

    private final BotReadModel bots;

    BotReadController(BotReadModel bots, BatchLoaderRegistry loaders) {
        this.bots = bots;
        BatchLoaders.byId(loaders, "botsById", bots::findAll, Bot::botId);
        BatchLoaders.valuesByKey(loaders, "statusOfBots", bots::statusOf);
    }

    @QueryMapping
    Optional<Bot> bot(@Argument String botId) {
        return bots.find(botId);
    }

    @QueryMapping
    Connection<Bot> bots(@Argument BotFilter filter, @Argument Integer first, @Argument String after,
                         @Argument SortDirection direction, @ContextValue ApiKey caller) {
        ListQuery<BotFilter> query = VisibleBots.narrow(caller,
                ListQuery.of(filter == null ? BotFilter.ALL : filter, BotReadModel.BY_REGISTRATION, first, after, direction));
        return Connection.of(bots.bots(query), Counter.direct(() -> bots.count(query.filter())));
    }

    /** Derived now from the bot's current session, heartbeats and errors: one query for every bot of a level. */
    @SchemaMapping(typeName = "Bot")
    CompletableFuture<BotStatus> status(Bot bot, DataLoader<String, BotStatus> statusOfBots) {
        return statusOfBots.load(bot.botId());
    }

    @SchemaMapping(typeName = "Session")
    CompletableFuture<Bot> bot(Session session, DataLoader<String, Bot> botsById) {
        return botsById.load(session.botId());
    }

    /** A session plays its bot's money (startSession refuses any other), so it is read from the bot, in one batch. */
    @SchemaMapping(typeName = "Session")
    CompletableFuture<TradeType> tradeType(Session session, DataLoader<String, Bot> botsById) {
        return botsById.load(session.botId()).thenApply(Bot::tradeType);
    }

    @SchemaMapping(typeName = "Round", field = "bot")
    CompletableFuture<Bot> botOfRound(Round round, DataLoader<String, Bot> botsById) {
        return botsById.load(round.botId());
    }

    @SchemaMapping(typeName = "ErrorLog", field = "bot")
    CompletableFuture<Bot> botOfError(ErrorLog error, DataLoader<String, Bot> botsById) {
        return botsById.load(error.botId());
    }
}
