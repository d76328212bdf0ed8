package com.crashanalytics.api.analytics;

import java.util.List;

import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.analytics.TradeTypeFilter;
import com.crashanalytics.domain.analytics.timeseries.TimeBucket;
import com.crashanalytics.domain.analytics.timeseries.TimeSeries;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesFilter;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesGroup;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesQuery;
import com.crashanalytics.domain.analytics.timeseries.TimeSeriesReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The fleet's time series as flat rows for Grafana's GraphQL data sources. A BOT key's rows are its own bots' only
 * (the access policy leaves the narrowing to this resolver, as for the lists across bots).
 */
@Controller
class TimeSeriesController {

    private final TimeSeriesReadModel readModel;

    TimeSeriesController(TimeSeriesReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryMapping
    List<TimeSeriesPointView> timeSeries(@Argument TimeWindowInput window, @Argument TimeBucket bucket,
                                         @Argument TimeSeriesGroup groupBy,
                                         @Argument @Nullable TimeSeriesFilterInput filter,
                                         @ContextValue ApiKey caller) {
        TimeSeriesFilter asked = filter == null ? TimeSeriesFilter.EVERYTHING : filter.toFilter();
        TimeSeriesFilter visible = caller.role() == ApiKeyRole.BOT ? asked.within(caller.botIds()) : asked;
        TimeSeriesQuery query = new TimeSeriesQuery(TimeWindowInput.toWindow(window), bucket, groupBy, visible);
        return TimeSeries.of(query, readModel).stream().map(TimeSeriesPointView::of).toList();
    }

    /** The {@code TimeSeriesFilter} input. */
    record TimeSeriesFilterInput(@Nullable List<String> botIds, @Nullable List<String> strategyNames,
                                 @Nullable String game, @Nullable String platform, @Nullable String currency,
                                 @Nullable TradeTypeFilter tradeType) {

        TimeSeriesFilter toFilter() {
            return new TimeSeriesFilter(botIds, strategyNames, game, platform, currency,
                    TradeTypeFilter.orDefault(tradeType));
        }
    }
}
