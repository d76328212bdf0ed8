package com.crashanalytics.api.analytics;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.api.analytics.PerformanceController.PeriodWindow;
import com.crashanalytics.api.paging.BatchLoaders;
import com.crashanalytics.domain.analytics.TimeWindow;
import com.crashanalytics.domain.analytics.performance.PerformanceReadModel;
import com.crashanalytics.domain.analytics.performance.PerformanceStats;
import com.crashanalytics.domain.analytics.performance.Period;
import com.crashanalytics.domain.analytics.performance.PeriodSummary;
import com.crashanalytics.domain.analytics.performance.RoundSeries;
import com.crashanalytics.domain.session.Session;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A session's analytics: its summary (the performance of its rounds, from its initial balance) and its equity curve,
 * each read for every session of a request in one statement (one per distinct set of arguments for the curve).
 */
@Controller
class SessionPerformanceController {

    // The DataLoaders' names, which the DataLoader parameters below carry (that is how Spring finds them).
    private static final String SESSION_SUMMARIES = "sessionSummaries";
    private static final String SESSION_EQUITY_CURVES = "sessionEquityCurves";

    SessionPerformanceController(PerformanceReadModel performance, BatchLoaderRegistry loaders) {
        BatchLoaders.valuesByKey(loaders, SESSION_SUMMARIES, performance::ofSessions);
        BatchLoaders.byArguments(loaders, SESSION_EQUITY_CURVES, key -> new PeriodWindow(key.period(), key.window()),
                SessionPeriodWindow::sessionId, (sessionIds, arguments) -> performance.equityCurvesOfSessions(
                        sessionIds, arguments.period(), arguments.window()));
    }

    /** Always the full figures: a session's rounds are few, and its drawdowns are what a summary is read for. */
    @SchemaMapping(typeName = "Session")
    CompletableFuture<PerformanceView> summary(Session session, DataLoader<String, PerformanceStats> sessionSummaries) {
        return sessionSummaries.load(session.sessionId()).thenApply(stats -> PerformanceView.of(stats != null ? stats
                : PerformanceStats.of(new RoundSeries(List.of()), session.initialBalance())));
    }

    @SchemaMapping(typeName = "Session")
    CompletableFuture<List<EquityPointView>> equityCurve(
            Session session, @Argument Period bucket, @Argument @Nullable TimeWindowInput window,
            DataLoader<SessionPeriodWindow, List<PeriodSummary>> sessionEquityCurves) {
        return sessionEquityCurves.load(new SessionPeriodWindow(session.sessionId(), bucket,
                        TimeWindowInput.toWindow(window)))
                .thenApply(EquityPointView::curve);
    }

    record SessionPeriodWindow(String sessionId, Period period, TimeWindow window) {
    }
}
