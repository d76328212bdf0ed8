package com.crashanalytics.api.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.sessions.*}: when the gateway gives up on a session whose bot went silent. Defaults in
 * application.yaml.
 *
 * @param staleAfter   silence after which an ACTIVE session counts as stale (and is announced so)
 * @param abandonAfter silence after which the sweeper ends it as ABANDONED; 0 turns the sweeper off
 */
@ConfigurationProperties("gateway.sessions")
public record SessionSettings(Duration staleAfter, Duration abandonAfter) {
}
