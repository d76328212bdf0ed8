package com.crashanalytics.api.bot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.bots.*}: when a bot's status reads IDLE or ERROR. Defaults in application.yaml.
 *
 * @param idleAfter   a bot without an active session, unheard of for this long, is IDLE
 * @param errorWindow a bot that logged an error this recently is in ERROR
 */
@ConfigurationProperties("gateway.bots")
public record BotSettings(Duration idleAfter, Duration errorWindow) {
}
