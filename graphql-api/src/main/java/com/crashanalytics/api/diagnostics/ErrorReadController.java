package com.crashanalytics.api.diagnostics;

import java.util.List;
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
import com.crashanalytics.domain.diagnostics.DiagnosticsReadModel;
import com.crashanalytics.domain.diagnostics.ErrorFilter;
import com.crashanalytics.domain.diagnostics.ErrorLog;
import com.crashanalytics.domain.diagnostics.OcrValidation;
import com.crashanalytics.domain.diagnostics.RoundReference;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.session.Session;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Errors and OCR reads as dashboards read them: the list of errors, a bot's and a session's errors, and what was
 * reported about each round, each batched over all the parents of a level.
 */
@Controller
class ErrorReadController {

    private static final String COUNTS_OF_BOTS = "errorCountsOfBots";
    private static final String COUNTS_OF_SESSIONS = "errorCountsOfSessions";

    private final DiagnosticsReadModel diagnostics;

    ErrorReadController(DiagnosticsReadModel diagnostics, BatchLoaderRegistry loaders) {
        this.diagnostics = diagnostics;
        BatchLoaders.pagesOfParents(loaders, "errorsOfBots", diagnostics::errorsOfBots);
        BatchLoaders.pagesOfParents(loaders, "errorsOfSessions", diagnostics::errorsOfSessions);
        BatchLoaders.countsOfParents(loaders, COUNTS_OF_BOTS, diagnostics::countErrorsOfBots);
        BatchLoaders.countsOfParents(loaders, COUNTS_OF_SESSIONS, diagnostics::countErrorsOfSessions);
        BatchLoaders.listsByKey(loaders, "errorsOfRounds", diagnostics::errorsOfRounds);
        BatchLoaders.listsByKey(loaders, "ocrValidationsOfRounds", diagnostics::ocrValidationsOf);
    }

    @QueryMapping
    Connection<ErrorLog> errors(@Argument ErrorFilter filter, @Argument Integer first, @Argument String after,
                                @Argument SortDirection direction, @ContextValue ApiKey caller) {
        ListQuery<ErrorFilter> query = VisibleBots.narrow(caller,
                ListQuery.of(filter == null ? ErrorFilter.ALL : filter, DiagnosticsReadModel.BY_TIME, first, after, direction));
        return Connection.of(diagnostics.errors(query), Counter.direct(() -> diagnostics.count(query.filter())));
    }

    @SchemaMapping(typeName = "Bot", field = "errors")
    CompletableFuture<Connection<ErrorLog>> errorsOfBot(
            Bot bot, @Argument ErrorFilter filter, @Argument Integer first, @Argument String after,
            @Argument SortDirection direction, DataLoader<ChildPage<ErrorFilter>, Page<ErrorLog>> errorsOfBots) {
        return Connection.ofChildren(errorsOfBots, COUNTS_OF_BOTS, bot.botId(),
                query(filter, first, after, direction));
    }

    @SchemaMapping(typeName = "Session", field = "errors")
    CompletableFuture<Connection<ErrorLog>> errorsOfSession(
            Session session, @Argument ErrorFilter filter, @Argument Integer first, @Argument String after,
            @Argument SortDirection direction, DataLoader<ChildPage<ErrorFilter>, Page<ErrorLog>> errorsOfSessions) {
        return Connection.ofChildren(errorsOfSessions, COUNTS_OF_SESSIONS, session.sessionId(),
                query(filter, first, after, direction));
    }

    @SchemaMapping(typeName = "Round", field = "errors")
    CompletableFuture<List<ErrorLog>> errorsOfRound(Round round,
                                                    DataLoader<RoundReference, List<ErrorLog>> errorsOfRounds) {
        return errorsOfRounds.load(new RoundReference(round.sessionId(), round.roundNumber()));
    }

    @SchemaMapping(typeName = "Round")
    CompletableFuture<List<OcrValidation>> ocrValidations(
            Round round, DataLoader<RoundReference, List<OcrValidation>> ocrValidationsOfRounds) {
        return ocrValidationsOfRounds.load(new RoundReference(round.sessionId(), round.roundNumber()));
    }

    private static ListQuery<ErrorFilter> query(ErrorFilter filter, Integer first, String after,
                                                SortDirection direction) {
        return ListQuery.of(filter == null ? ErrorFilter.ALL : filter, DiagnosticsReadModel.BY_TIME, first, after,
                direction);
    }
}
