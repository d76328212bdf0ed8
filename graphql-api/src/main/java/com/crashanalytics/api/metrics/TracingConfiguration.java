package com.crashanalytics.api.metrics;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing off ({@code GATEWAY_TRACING_ENABLED=false}, the default) means more than "not exported": no span is
 * sampled, so spans stay unrecorded (no attributes, no events kept) and nothing is buffered for an exporter that is
 * not there. Trace context from callers is still passed on. On, Spring Boot's sampler takes
 * {@code GATEWAY_TRACING_SAMPLING_PROBABILITY} and the spans go over OTLP to {@code GATEWAY_TRACING_OTLP_ENDPOINT}.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gateway.tracing.enabled", havingValue = "false", matchIfMissing = true)
    Sampler tracingOff() {
        return Sampler.alwaysOff();
    }
}
