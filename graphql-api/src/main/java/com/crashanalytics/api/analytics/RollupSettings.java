package com.crashanalytics.api.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.rollups.*}. Defaults in application.yaml.
 *
 * @param recountGrace how long after an hour ends (after a session's last round started) a rollup a late round left
 *                     dirty waits before the recount: rounds arrive within seconds, so by then its rounds are in
 */
@ConfigurationProperties("gateway.rollups")
record RollupSettings(Duration recountGrace) {
}
