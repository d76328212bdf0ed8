package com.crashanalytics.api.metrics;

import com.crashanalytics.api.config.PassesTrivialFetchersThrough;
import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring for GraphQL's observations while tracing is off: the request's ({@code graphql.request}, the published
 * metric) and nothing per data fetcher or DataLoader. Spring's instrumentation wraps every data fetcher in an
 * observation (a 10 × 10 × 20 dashboard fetches tens of thousands of fields) and rebuilds each request's DataLoader
 * registry with every DataLoader wrapped (3.5 % of a {@code { __typename }}'s request-thread samples, JFR), though
 * without tracing the fetchers' observations were dropped anyway and the DataLoaders' only served an undocumented
 * timer. With tracing on, Spring's own instrumentation is used unchanged (spans of every fetcher and batch load).
 */
final class RequestOnlyObservationInstrumentation extends GraphQlObservationInstrumentation
        implements PassesTrivialFetchersThrough {

    RequestOnlyObservationInstrumentation(ObservationRegistry registry, ExecutionRequestObservationConvention requests) {
        super(registry, requests, new DefaultDataFetcherObservationConvention());
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
                                                   InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        return executionInput;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return dataFetcher;
    }
}
