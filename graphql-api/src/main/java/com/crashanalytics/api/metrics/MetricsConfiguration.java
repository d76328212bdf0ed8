package com.crashanalytics.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.crashanalytics.api.transaction.LargeQueryTurns;
import com.crashanalytics.domain.session.FleetActivityReadModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * The gateway's own metrics, beside Spring's (JVM, HTTP, {@code graphql.request}): the write path's counters, the
 * fleet's gauges and the per-operation tag of GraphQL requests. Histogram buckets are set in application.yaml.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    RoundIngestMetrics roundIngestMetrics(MeterRegistry registry) {
        return new RoundIngestMetrics(registry);
    }

    @Bean
    RootFieldObservationConvention rootFieldObservationConvention() {
        return new RootFieldObservationConvention();
    }

    /** How many large queries are being answered and how many wait for a turn ({@link LargeQueryTurns}). */
    @Bean
    MeterBinder largeQueryGauges(LargeQueryTurns turns) {
        return registry -> {
            Gauge.builder("gateway.large.queries.answering", turns, LargeQueryTurns::answering)
                    .description("Large queries being answered now").register(registry);
            Gauge.builder("gateway.large.queries.waiting", turns, LargeQueryTurns::waiting)
                    .description("Large queries waiting for their turn now").register(registry);
        };
    }

    @Bean
    FleetGauges fleetGauges(FleetActivityReadModel fleet, Clock clock, FleetGaugeSettings settings) {
        return new FleetGauges(fleet, clock, settings.maxBots());
    }

    /**
     * Refreshes the fleet gauges on a thread of its own every interval; stopped with the context.
     */
    @Bean(destroyMethod = "close")
    SimpleAsyncTaskScheduler fleetGaugeRefresher(FleetGauges gauges, FleetGaugeSettings settings) {
        SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setThreadNamePrefix("fleet-gauges-");
        scheduler.setConcurrencyLimit(1);
        // The first refresh is the binding's, at start.
        scheduler.scheduleWithFixedDelay(gauges::refresh, Instant.now().plus(settings.fleetRefreshInterval()),
                settings.fleetRefreshInterval());
        return scheduler;
    }

    /**
     * {@code gateway.metrics.*}: how often the fleet gauges read the database, and how many bots have a series.
     */
    @ConfigurationProperties("gateway.metrics")
    public record FleetGaugeSettings(Duration fleetRefreshInterval, int maxBots) {

        public FleetGaugeSettings {
            if (fleetRefreshInterval == null || fleetRefreshInterval.isNegative() || fleetRefreshInterval.isZero()) {
                throw new IllegalArgumentException("gateway.metrics.fleet-refresh-interval must be positive");
            }
            if (maxBots < 0) {
                throw new IllegalArgumentException("gateway.metrics.max-bots must not be negative");
            }
        }
    }
}
