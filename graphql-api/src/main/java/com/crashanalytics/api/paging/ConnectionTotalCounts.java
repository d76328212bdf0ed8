package com.crashanalytics.api.paging;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The lazily counted {@code totalCount} of every connection type: one data fetcher, asking the {@link Connection}'s
 * {@link Connection.Counter} only when a client selects the field, registered for each type by name (the names are
 * listed rather than guessed, and {@code ConnectionTotalCountsTest} checks the list against the schema).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionTotalCounts {

    /** Every {@code XConnection} type of the schema; a new list adds its connection type here. */
    static final List<String> CONNECTION_TYPES = List.of(
            "BotConnection", "SessionConnection", "RoundConnection", "ErrorLogConnection", "PredictionConnection",
            "AlertRuleConnection", "AlertConnection", "AlertDeliveryConnection", "AuditChangeConnection");

    private static final DataFetcher<CompletableFuture<Long>> TOTAL_COUNT =
            environment -> environment.<Connection<?>>getSource().counter().count(environment);

    @Bean
    RuntimeWiringConfigurer totalCountWiring() {
        return wiring -> CONNECTION_TYPES.forEach(type ->
                wiring.type(type, fields -> fields.dataFetcher("totalCount", TOTAL_COUNT)));
    }
}
