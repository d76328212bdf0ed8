package com.crashanalytics.api.round;

import com.crashanalytics.domain.round.Round;
import com.crashanalytics.domain.round.RoundAnalytics;
import graphql.TrivialDataFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * {@code Round.outcome} is the round's {@link RoundAnalytics}, already in memory: a trivial data fetcher, which
 * graphql-java and Spring treat as a property read (no controller method invocation, no observation of its own),
 * where a {@code @SchemaMapping} would cost as much as the rest of the round's fields together.
 */
@Configuration(proxyBeanMethods = false)
class RoundWiring {

    @Bean
    RuntimeWiringConfigurer roundOutcome() {
        return wiring -> wiring.type("Round", type -> type.dataFetcher("outcome",
                (TrivialDataFetcher<RoundAnalytics>) environment -> environment.<Round>getSource().analytics()));
    }
}
