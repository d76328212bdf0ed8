package com.crashanalytics.api.round;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.crashanalytics.domain.round.LoggedRoundKey;
import com.crashanalytics.domain.round.MultiplierSample;
import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import com.crashanalytics.domain.round.Signal;
import com.crashanalytics.api.round.RoundReadController.SignalsOfRound;
import graphql.TrivialDataFetcher;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The fields every round of a list resolves, wired as plain data fetchers rather than {@code @SchemaMapping}
 * methods: a dashboard of 10 × 10 × 20 resolves them 2,000 times per answer, and Spring for GraphQL builds a new
 * handler method for each call of an annotated one (resolving its arguments and formatting its generic signature),
 * which cost about a tenth of the gateway's CPU on that dashboard (JFR, 8 clients).
 * <ul>
 * <li>{@code Round.outcome} is the round's {@link RoundAnalytics}, already in memory: a trivial data fetcher, which
 * graphql-java and Spring treat as a property read (no observation, no context snapshot of its own). A round a list
 * read without them (the document did not ask, see {@link RoundReadController}) asks its DataLoader instead.</li>
 * <li>{@code Round.signals} and {@code Round.multipliers} ask their DataLoaders (registered by
 * {@link RoundReadController}), so the rounds of one answer share one statement each, as before; the signals' reads
 * the columns behind the fields shown ({@link SignalReadings}). They are marked
 * trivial too: they only queue a key (the statement runs when the DataLoaders are dispatched, on the request's
 * thread, with its transaction), so they need neither Spring's restoring of the request's thread-bound context
 * around each call (the observation's scope, the logging context, the security context: 5 % of a 10 × 10 × 20
 * dashboard's CPU, JFR, 2026-12-05) nor a tracing span each; the batch load keeps its own.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RoundWiring {

    static final String SIGNALS_OF_ROUNDS = "signalsOfRounds";
    static final String SAMPLES_OF_ROUNDS = "samplesOfRounds";
    static final String ANALYTICS_OF_ROUNDS = "analyticsOfRounds";

    /** {@code Round.outcome}: the analytics the round was read with, else (a list that left them out) its loader's. */
    static final TrivialDataFetcher<Object> OUTCOME = environment -> {
        Round round = environment.getSource();
        if (round.analytics() != null) {
            return round.analytics();
        }
        DataLoader<LoggedRoundKey, RoundAnalytics> analytics = environment.getDataLoader(ANALYTICS_OF_ROUNDS);
        return analytics.load(round.loggedKey());
    };

    @Bean
    RuntimeWiringConfigurer roundFields() {
        return wiring -> wiring.type("Round", type -> type
                .dataFetcher("outcome", OUTCOME)
                .dataFetcher("signals", (TrivialDataFetcher<CompletableFuture<List<Signal>>>) environment -> {
                    DataLoader<SignalsOfRound, List<Signal>> signals = environment.getDataLoader(SIGNALS_OF_ROUNDS);
                    return signals.load(new SignalsOfRound(environment.<Round>getSource().loggedKey(),
                            SignalReadings.of(environment)));
                })
                .dataFetcher("multipliers", (TrivialDataFetcher<CompletableFuture<List<MultiplierSample>>>) environment -> {
                    DataLoader<LoggedRoundKey, List<MultiplierSample>> samples =
                            environment.getDataLoader(SAMPLES_OF_ROUNDS);
                    return samples.load(environment.<Round>getSource().loggedKey());
                }));
    }
}
