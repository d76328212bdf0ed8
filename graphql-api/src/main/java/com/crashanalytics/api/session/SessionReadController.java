package com.crashanalytics.api.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.paging.BatchLoaders;
import com.crashanalytics.api.paging.ChildPage;
import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.api.paging.Connection.Counter;
import com.crashanalytics.api.security.access.VisibleBots;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.bot.BotStatusRules;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.diagnostics.ErrorLog;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.session.Session;
import com.crashanalytics.domain.session.SessionFilter;
import com.crashanalytics.domain.session.SessionReadModel;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Sessions as dashboards read them: one by id (and whether it went stale), the list of sessions, a bot's sessions
 * and current session, and the session of a round or error, each batched over all the parents of a level.
 */
@Controller
class SessionReadController {

    private static final String COUNTS = "sessionCountsOfBots";

    private final SessionReadModel sessions;
    private final Clock clock;
    private final Duration staleAfter;

    SessionReadController(SessionReadModel sessions, Clock clock, BotStatusRules statusRules,
                          BatchLoaderRegistry loaders) {
        this.sessions = sessions;
        this.clock = clock;
        this.staleAfter = statusRules.staleAfter();
        BatchLoaders.byId(loaders, "sessionsById", sessions::findAll, Session::sessionId);
        BatchLoaders.pagesOfParents(loaders, "sessionsOfBots", sessions::sessionsOfBots);
        BatchLoaders.countsOfParents(loaders, COUNTS, sessions::countSessionsOfBots);
    }

    @QueryMapping
    Optional<Session> session(@Argument String sessionId) {
        return sessions.find(sessionId);
    }

    @QueryMapping
    Connection<Session> sessions(@Argument SessionFilter filter, @Argument Integer first, @Argument String after,
                                 @Argument SortDirection direction, @ContextValue ApiKey caller) {
        ListQuery<SessionFilter> query = VisibleBots.narrow(caller,
                ListQuery.of(filter == null ? SessionFilter.ALL : filter, SessionReadModel.BY_START, first, after, direction));
        return Connection.of(sessions.sessions(query), Counter.direct(() -> sessions.count(query.filter())));
    }

    @SchemaMapping(typeName = "Session")
    boolean stale(Session session) {
        return session.isStale(clock.instant(), staleAfter);
    }

    @SchemaMapping(typeName = "Bot", field = "sessions")
    CompletableFuture<Connection<Session>> sessionsOfBot(
            Bot bot, @Argument SessionFilter filter, @Argument Integer first, @Argument String after,
            @Argument SortDirection direction, DataLoader<ChildPage<SessionFilter>, Page<Session>> sessionsOfBots) {
        ListQuery<SessionFilter> query = ListQuery.of(filter == null ? SessionFilter.ALL : filter,
                SessionReadModel.BY_START, first, after, direction);
        return Connection.ofChildren(sessionsOfBots, COUNTS, bot.botId(), query);
    }

    @SchemaMapping(typeName = "Bot")
    CompletableFuture<Session> currentSession(Bot bot, DataLoader<String, Session> sessionsById) {
        return bot.currentSessionId() == null ? CompletableFuture.completedFuture(null)
                : sessionsById.load(bot.currentSessionId());
    }

    @SchemaMapping(typeName = "Round", field = "session")
    CompletableFuture<Session> sessionOfRound(Round round, DataLoader<String, Session> sessionsById) {
        return sessionsById.load(round.sessionId());
    }

    @SchemaMapping(typeName = "ErrorLog", field = "session")
    CompletableFuture<Session> sessionOfError(ErrorLog error, DataLoader<String, Session> sessionsById) {
        return error.sessionId() == null ? CompletableFuture.completedFuture(null)
                : sessionsById.load(error.sessionId());
    }
}
