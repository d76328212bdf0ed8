package com.crashanalytics.api.security.authentication;

import java.util.Optional;
import java.util.UUID;

import com.crashanalytics.api.config.PassesTrivialFetchersThrough;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.audit.Authorship;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.jspecify.annotations.Nullable;

/**
 * The domain's {@link Authorship} for GraphQL requests: while a root field of an operation runs (a mutation's use
 * case, with its transaction), the authenticated caller of that operation is the author of whatever it writes.
 * Bound per root field on the thread that runs it, from the operation's own context, so it is right over HTTP and
 * over WebSocket alike; controllers here run their use cases synchronously on that thread. Outside a root field
 * (scheduled work, start-up) there is no author.
 */
final class RequestAuthorship extends SimplePerformantInstrumentation
        implements Authorship, PassesTrivialFetchersThrough {

    private static final ThreadLocal<@Nullable UUID> AUTHOR = new ThreadLocal<>();

    @Override
    public Optional<UUID> currentKeyId() {
        return Optional.ofNullable(AUTHOR.get());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        // A trivial fetcher (a property read) writes nothing; and asking it for its path would make graphql-java
        // build its DataFetchingEnvironment, which it skips for property reads: 25,000 times per 10 × 10 × 20
        // dashboard, 4.5 % of that request's CPU (JFR, 2026-12-05).
        if (parameters.isTrivialDataFetcher() || parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return dataFetcher; // nested fields only read
        }
        return environment -> {
            @Nullable UUID outer = AUTHOR.get();
            AUTHOR.set(Callers.of(environment.getGraphQlContext()).map(ApiKey::id).orElse(null));
            try {
                return dataFetcher.get(environment);
            } finally {
                AUTHOR.set(outer);
            }
        };
    }
}
