package com.crashanalytics.api.config;

import graphql.execution.instrumentation.Instrumentation;

/**
 * An {@link Instrumentation} whose {@code instrumentDataFetcher} returns every trivial data fetcher (a property read,
 * {@code InstrumentationFieldFetchParameters.isTrivialDataFetcher()}) as it was given. When every member of the
 * gateway's chain that instruments data fetchers says so, {@link FieldLevelSkippingChain} does not ask them for the
 * trivial ones, which are most of a large answer's fields. A promise, not a check: an instrumentation that wraps a
 * property read must not implement this.
 */
public interface PassesTrivialFetchersThrough {
}
