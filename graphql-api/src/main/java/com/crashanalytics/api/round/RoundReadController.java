package com.crashanalytics.api.round;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.paging.BatchLoaders;
import com.crashanalytics.api.paging.Connection;
import com.crashanalytics.api.paging.Connection.Counter;
import com.crashanalytics.api.security.access.VisibleBots;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.bot.Bot;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.diagnostics.ErrorLog;
import com.crashanalytics.domain.round.LoggedRoundKey;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundFilter;
import com.crashanalytics.domain.round.RoundKey;
import com.crashanalytics.domain.round.RoundReadModel;
import com.crashanalytics.domain.round.RoundReadModel.Reading;
import com.crashanalytics.domain.round.RoundReadModel.SignalReading;
import com.crashanalytics.domain.round.Signal;
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
 * A list reads what the document shows of its rounds ({@link RoundReadings}): their analytics ({@code Round.outcome})
 * only when asked, a second table's row per round, about two thirds of what PostgreSQL spends on a page of 100 rounds
 * that shows stakes and results alone (should a round read without them be asked for its outcome all the same, the
 * {@link RoundWiring#ANALYTICS_OF_ROUNDS} loader reads them then); and of the round's own columns, its identity and
 * the ones behind the fields asked.
 */
@Controller
class RoundReadController {

    private static final String COUNTS_OF_BOTS = "roundCountsOfBots";
    private static final String COUNTS_OF_SESSIONS = "roundCountsOfSessions";
    private static final String ROUNDS_OF_BOTS = "roundsOfBots";
    private static final String ROUNDS_OF_SESSIONS = "roundsOfSessions";

    private final RoundReadModel rounds;

    RoundReadController(RoundReadModel rounds, BatchLoaderRegistry loaders) {
        this.rounds = rounds;
        BatchLoaders.byId(loaders, "roundsByKey", rounds::findAll, Round::key);
        BatchLoaders.<RoundsOfParent, PageReading, String, Page<Round>>byArguments(loaders, ROUNDS_OF_BOTS,
                RoundsOfParent::pageReading, RoundsOfParent::parentId,
                (botIds, page) -> rounds.roundsOfBots(botIds, page.query(), page.reading()));
        BatchLoaders.<RoundsOfParent, PageReading, String, Page<Round>>byArguments(loaders, ROUNDS_OF_SESSIONS,
                RoundsOfParent::pageReading, RoundsOfParent::parentId,
                (sessionIds, page) -> rounds.roundsOfSessions(sessionIds, page.query(), page.reading()));
        BatchLoaders.countsOfParents(loaders, COUNTS_OF_BOTS, rounds::countRoundsOfBots);
        BatchLoaders.countsOfParents(loaders, COUNTS_OF_SESSIONS, rounds::countRoundsOfSessions);
        BatchLoaders.listsByKey(loaders, RoundWiring.SAMPLES_OF_ROUNDS, rounds::samplesOf);
        BatchLoaders.<SignalsOfRound, SignalReading, LoggedRoundKey, List<Signal>>byArguments(loaders,
                RoundWiring.SIGNALS_OF_ROUNDS, SignalsOfRound::reading, SignalsOfRound::round, rounds::signalsOf);
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
        return Connection.of(rounds.rounds(query, RoundReadings.askedIn(selection)),
                Counter.direct(() -> rounds.count(query.filter())));
    }

    @SchemaMapping(typeName = "Bot", field = "rounds")
    CompletableFuture<Connection<Round>> roundsOfBot(
            Bot bot, @Argument RoundFilter filter, @Argument Integer first, @Argument String after,
            @Argument SortDirection direction, DataFetchingFieldSelectionSet selection,
            DataLoader<RoundsOfParent, Page<Round>> roundsOfBots) {
        ListQuery<RoundFilter> query = ListQuery.of(filter == null ? RoundFilter.ALL : filter, RoundReadModel.BY_START,
                first, after, direction);
        return Connection.ofChildPage(roundsOfBots.load(new RoundsOfParent(bot.botId(), query, selection)),
                COUNTS_OF_BOTS, bot.botId(), query.filter());
    }

    @SchemaMapping(typeName = "Session", field = "rounds")
    CompletableFuture<Connection<Round>> roundsOfSession(
            Session session, @Argument RoundFilter filter, @Argument Integer first, @Argument String after,
            @Argument SortDirection direction, DataFetchingFieldSelectionSet selection,
            DataLoader<RoundsOfParent, Page<Round>> roundsOfSessions) {
        ListQuery<RoundFilter> query = ListQuery.of(filter == null ? RoundFilter.ALL : filter, RoundReadModel.BY_NUMBER,
                first, after, direction);
        return Connection.ofChildPage(roundsOfSessions.load(new RoundsOfParent(session.sessionId(), query, selection)),
                COUNTS_OF_SESSIONS, session.sessionId(), query.filter());
    }

    /** A page of a parent's rounds, read as the document asks: parents asking the same are read in one statement. */
    record RoundsOfParent(String parentId, ListQuery<RoundFilter> query, Reading reading) {

        RoundsOfParent(String parentId, ListQuery<RoundFilter> query, DataFetchingFieldSelectionSet selection) {
            this(parentId, query, RoundReadings.askedIn(selection));
        }

        PageReading pageReading() {
            return new PageReading(query, reading);
        }
    }

    /** What the parents of one statement share: the page asked and what of each round is read. */
    record PageReading(ListQuery<RoundFilter> query, Reading reading) {
    }

    /** A round's signals, read as the document asks: the rounds of an answer asking the same share one statement. */
    record SignalsOfRound(LoggedRoundKey round, SignalReading reading) {

        /**
         * The round's alone (equal keys still have equal hashes): an answer asks one or two readings, and hashing a
         * reading's set of details for each of a dashboard's thousands of keys, at every look-up of the loader's cache
         * and grouping, took 2 % of its CPU.
         */
        @Override
        public int hashCode() {
            return round.hashCode();
        }
    }

    /** By the round's number, so an error reported before its round was logged finds it too. */
    @SchemaMapping(typeName = "ErrorLog", field = "round")
    CompletableFuture<Round> roundOfError(ErrorLog error, DataLoader<RoundKey, Round> roundsByKey) {
        return error.sessionId() == null || error.roundNumber() == null ? CompletableFuture.completedFuture(null)
                : roundsByKey.load(new RoundKey(error.botId(), error.sessionId(), error.roundNumber()));
    }
}
