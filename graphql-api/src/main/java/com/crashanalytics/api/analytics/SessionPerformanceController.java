package com.crashanalytics.api.analytics;

import static com.crashanalytics.api.analytics.ArgumentBatches.byArguments;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.analytics.PerformanceController.PeriodWindow;
import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.domain.session.Session;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A session's analytics: its summary (the performance of its rounds, from its initial balance) and its equity curve,
 * each read for every session of a request in one statement (one per distinct set of arguments for the curve).
 */
@Controller
class SessionPerformanceController {

    private static final String SESSION_SUMMARIES = "sessionSummaries";
    private static final String SESSION_EQUITY_CURVES = "sessionEquityCurves";

    SessionPerformanceController(PerformanceReadModel performance, BatchLoaderRegistry loaders) {
        loaders.<String, PerformanceStats>forName(SESSION_SUMMARIES).registerMappedBatchLoader((sessionIds, environment) ->
                Mono.fromCallable(() -> performance.ofSessions(sessionIds)));
        loaders.<SessionPeriodWindow, List<PeriodSummary>>forName(SESSION_EQUITY_CURVES).registerMappedBatchLoader(
                (keys, environment) -> Mono.fromCallable(() -> byArguments(keys,
                        key -> new PeriodWindow(key.period(), key.window()),
                        (arguments, batch) -> performance.equityCurvesOfSessions(
                                batch.stream().map(SessionPeriodWindow::sessionId).toList(), arguments.period(),
                                arguments.window()),
                        SessionPeriodWindow::sessionId)));
    }

    /** Always the full figures: a session's rounds are few, and its drawdowns are what a summary is read for. */
    @SchemaMapping(typeName = "Session")
    CompletableFuture<PerformanceView> summary(Session session, DataFetchingEnvironment environment) {
        DataLoader<String, PerformanceStats> loader = environment.getDataLoader(SESSION_SUMMARIES);
        return loader.load(session.sessionId()).thenApply(stats -> PerformanceView.of(stats != null ? stats
                : PerformanceStats.of(new RoundSeries(List.of()), session.initialBalance())));
    }

    @SchemaMapping(typeName = "Session")
    CompletableFuture<List<EquityPointView>> equityCurve(Session session, @Argument Period bucket,
                                                         @Argument @Nullable TimeWindowInput window,
                                                         DataFetchingEnvironment environment) {
        DataLoader<SessionPeriodWindow, List<PeriodSummary>> loader = environment.getDataLoader(SESSION_EQUITY_CURVES);
        return loader.load(new SessionPeriodWindow(session.sessionId(), bucket, TimeWindowInput.toWindow(window)))
                .thenApply(EquityPointView::curve);
    }

    record SessionPeriodWindow(String sessionId, Period period, TimeWindow window) {
    }
}
