package com.crashanalytics.api.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings that belong to no one area ({@code gateway.*}; the areas bind their own:
 * {@code gateway.sessions}, {@code gateway.alerts}, ...). Defaults in application.yaml; the admin key has none.
 *
 * @param adminKey             {@code GATEWAY_ADMIN_KEY}, from the environment only: an ADMIN key that needs no
 *                             database row; absent, the keys stored are all there is
 * @param readStatementTimeout how long one statement of a read-only transaction may run (0 = no limit)
 * @param limits               the GraphQL-over-WebSocket part of {@code gateway.limits}
 */
@ConfigurationProperties("gateway")
public record GatewaySettings(@Nullable String adminKey, Duration readStatementTimeout, Limits limits) {

    /**
     * @param maxWebsocketMessageSize the largest GraphQL-over-WebSocket message; Tomcat holds a buffer of this size
     *                                (as chars) per open connection
     */
    public record Limits(DataSize maxWebsocketMessageSize) {
    }
}
