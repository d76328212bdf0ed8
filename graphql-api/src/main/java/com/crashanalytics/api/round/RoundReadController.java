package com.crashanalytics.api.round;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.paging.BatchLoaders;
import com.crashanalytics.api.paging.ChildPage;
import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.api.paging.Connection.Counter;
import com.crashanalytics.api.security.access.VisibleBots;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.diagnostics.ErrorLog;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundFilter;
import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.round.RoundReadModel.Analytics;
import com.crashanalytics.domain.session.Session;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Rounds as dashboards read them: one by id, the list of rounds, a bot's and a session's rounds, the round of an
 * error, and what was observed during each round, each batched over all the parents of a level.
 * <p>
 * A list reads its rounds' analytics ({@code Round.outcome}) only when the document asks for them: they are a
 * second table's row per round, about two thirds of what PostgreSQL spends on a page of 100 rounds that shows
 * stakes and results alone. Should a round read without them be asked for its outcome all the same, the
 * {@link RoundWiring#ANALYTICS_OF_ROUNDS} loader reads them then.
 */
@Controller
class RoundReadController {

    private static final String COUNTS_OF_BOTS = "roundCountsOfBots";
    private static final String COUNTS_OF_SESSIONS = "roundCountsOfSessions";

    private final RoundReadModel rounds;

    RoundReadController(RoundReadModel rounds, BatchLoaderRegistry loaders) {
        this.rounds = rounds;
        BatchLoaders.byId(loaders, "roundsByKey", rounds::findAll, Round::key);
        BatchLoaders.<RoundFilter, Round>pagesOfParents(loaders, "roundsOfBots",
                (botIds, query) -> rounds.roundsOfBots(botIds, query, Analytics.INCLUDED));
        BatchLoaders.<RoundFilter, Round>pagesOfParents(loaders, "roundsOfBotsWithoutAnalytics",
                (botIds, query) -> rounds.roundsOfBots(botIds, query, Analytics.LEFT_OUT));
        BatchLoaders.<RoundFilter, Round>pagesOfParents(loaders, "roundsOfSessions",
                (sessionIds, query) -> rounds.roundsOfSessions(sessionIds, query, Analytics.INCLUDED));
        BatchLoaders.<RoundFilter, Round>pagesOfParents(loaders, "roundsOfSessionsWithoutAnalytics",
                (sessionIds, query) -> rounds.roundsOfSessions(sessionIds, query, Analytics.LEFT_OUT));
        BatchLoaders.countsOfParents(loaders, COUNTS_OF_BOTS, rounds::countRoundsOfBots);
        BatchLoaders.countsOfParents(loaders, COUNTS_OF_SESSIONS, rounds::countRoundsOfSessions);
        BatchLoaders.listsByKey(loaders, RoundWiring.SAMPLES_OF_ROUNDS, rounds::samplesOf);
        BatchLoaders.listsByKey(loaders, RoundWiring.SIGNALS_OF_ROUNDS, rounds::signalsOf);
        BatchLoaders.valuesByKey(loaders, RoundWiring.ANALYTICS_OF_ROUNDS, rounds::analyticsOf);
    }

    /** A round by its id; an id that is no UUID names no round. */
    @QueryMapping
    Optional<Round> round(@Argument String id) {
        try {
            return rounds.find(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @QueryMapping
    Connection<Round> rounds(@Argument RoundFilter filter, @Argument Integer first, @Argument String after,
                             @Argument SortDirection direction, @ContextValue ApiKey caller,
                             DataFetchingFieldSelectionSet selection) {
        ListQuery<RoundFilter> query = VisibleBots.narrow(caller,
                ListQuery.of(filter == null ? RoundFilter.ALL : filter, RoundReadModel.BY_START, first, after, direction));
        return Connection.of(rounds.rounds(query, analyticsAskedIn(selection)),
                Counter.direct(() -> rounds.count(query.filter())));
    }

    @SchemaMapping(typeName = "Bot", field = "rounds")
    CompletableFuture<Connection<Round>> roundsOfBot(
            Bot bot, @Argument RoundFilter filter, @Argument Integer first, @Argument String after,
            @Argument SortDirection direction, DataFetchingFieldSelectionSet selection,
            DataLoader<ChildPage<RoundFilter>, Page<Round>> roundsOfBots,
            DataLoader<ChildPage<RoundFilter>, Page<Round>> roundsOfBotsWithoutAnalytics) {
        ListQuery<RoundFilter> query = ListQuery.of(filter == null ? RoundFilter.ALL : filter, RoundReadModel.BY_START,
                first, after, direction);
        return Connection.ofChildren(loaderFor(selection, roundsOfBots, roundsOfBotsWithoutAnalytics), COUNTS_OF_BOTS,
                bot.botId(), query);
    }

    @SchemaMapping(typeName = "Session", field = "rounds")
    CompletableFuture<Connection<Round>> roundsOfSession(
            Session session, @Argument RoundFilter filter, @Argument Integer first, @Argument String after,
            @Argument SortDirection direction, DataFetchingFieldSelectionSet selection,
            DataLoader<ChildPage<RoundFilter>, Page<Round>> roundsOfSessions,
            DataLoader<ChildPage<RoundFilter>, Page<Round>> roundsOfSessionsWithoutAnalytics) {
        ListQuery<RoundFilter> query = ListQuery.of(filter == null ? RoundFilter.ALL : filter, RoundReadModel.BY_NUMBER,
                first, after, direction);
        return Connection.ofChildren(loaderFor(selection, roundsOfSessions, roundsOfSessionsWithoutAnalytics),
                COUNTS_OF_SESSIONS, session.sessionId(), query);
    }

    /**
     * Whether a round connection's document asks for its rounds' {@code outcome} (through fragments too, and under
     * any alias; a field skipped by {@code @skip} or {@code @include} does not count).
     */
    static Analytics analyticsAskedIn(DataFetchingFieldSelectionSet connection) {
        return connection.contains("edges/node/outcome") ? Analytics.INCLUDED : Analytics.LEFT_OUT;
    }

    /** The loader of a nested round list that reads what the document asks: with the rounds' analytics or without. */
    private static <L> L loaderFor(DataFetchingFieldSelectionSet connection, L withAnalytics, L withoutAnalytics) {
        return analyticsAskedIn(connection) == Analytics.INCLUDED ? withAnalytics : withoutAnalytics;
    }

    /** By the round's number, so an error reported before its round was logged finds it too. */
    @SchemaMapping(typeName = "ErrorLog", field = "round")
    CompletableFuture<Round> roundOfError(ErrorLog error, DataLoader<RoundKey, Round> roundsByKey) {
        return error.sessionId() == null || error.roundNumber() == null ? CompletableFuture.completedFuture(null)
                : roundsByKey.load(new RoundKey(error.botId(), error.sessionId(), error.roundNumber()));
    }
}
