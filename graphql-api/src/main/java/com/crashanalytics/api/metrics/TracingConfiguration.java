package com.crashanalytics.api.metrics;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Tracing off ({@code GATEWAY_TRACING_ENABLED=false}, the default) means more than "not exported": no span is
 * sampled, so spans stay unrecorded (no attributes, no events kept) and nothing is buffered for an exporter that is
 * not there. Trace context from callers is still passed on. On, Spring Boot's sampler takes
 * {@code GATEWAY_TRACING_SAMPLING_PROBABILITY} and the spans go over OTLP to {@code GATEWAY_TRACING_OTLP_ENDPOINT}.
 *
 * <p>Observations nobody reads are not made at all, because each costs on every request (a profile of
 * {@code { __typename }} under load put 13-15 % of the request threads' CPU in Micrometer): Spring Security's (one
 * per filter of the chain, a dozen per request, feeding no metric or span of ours), and, while tracing is off, the
 * one per GraphQL data fetcher (a 10 × 10 × 20 dashboard calls thousands), whose only use is a span, and the wrappers
 * that would make them ({@link RequestOnlyObservationInstrumentation}).
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gateway.tracing.enabled", havingValue = "false", matchIfMissing = true)
    Sampler tracingOff() {
        return Sampler.alwaysOff();
    }

    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.tracing.enabled", havingValue = "false", matchIfMissing = true)
    ObservationPredicate noDataFetcherObservationsWithoutTracing() {
        return (name, context) -> !"graphql.datafetcher".equals(name);
    }

    /** In place of Spring Boot's: the request's observation only, no wrapper around each fetcher and DataLoader. */
    @Bean
    @ConditionalOnProperty(name = "gateway.tracing.enabled", havingValue = "false", matchIfMissing = true)
    GraphQlObservationInstrumentation requestOnlyObservations(ObservationRegistry registry,
                                                              RootFieldObservationConvention requests) {
        return new RequestOnlyObservationInstrumentation(registry, requests);
    }
}
