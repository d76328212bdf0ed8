package com.crashanalytics.api.paging;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The lazily counted {@code totalCount} of every connection type. */
@Controller
class ConnectionController {

    @SchemaMapping(typeName = "BotConnection", field = "totalCount")
    CompletableFuture<Long> botCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "SessionConnection", field = "totalCount")
    CompletableFuture<Long> sessionCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "RoundConnection", field = "totalCount")
    CompletableFuture<Long> roundCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "ErrorLogConnection", field = "totalCount")
    CompletableFuture<Long> errorCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "PredictionConnection", field = "totalCount")
    CompletableFuture<Long> predictionCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "AlertRuleConnection", field = "totalCount")
    CompletableFuture<Long> alertRuleCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "AlertConnection", field = "totalCount")
    CompletableFuture<Long> alertCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "AlertDeliveryConnection", field = "totalCount")
    CompletableFuture<Long> alertDeliveryCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }

    @SchemaMapping(typeName = "AuditChangeConnection", field = "totalCount")
    CompletableFuture<Long> auditChangeCount(Connection<?> connection, DataFetchingEnvironment environment) {
        return connection.counter().count(environment);
    }
}
