package com.crashanalytics.api.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live side's settings ({@code gateway.live.*}).
 *
 * @param retention        how long events are kept for clients resuming with {@code after}
 * @param subscriberBuffer events buffered per subscriber before its feed ends with SUBSCRIBER_TOO_SLOW
 * @param pollInterval     how often a replica looks for events when no notification woke it (a safety net), and how
 *                         often one nobody is subscribed to numbers the journal
 * @param staleSweepInterval how often sessions going stale are looked for (on one replica at a time)
 */
@ConfigurationProperties("gateway.live")
public record LiveFeedSettings(Duration retention,
                               int subscriberBuffer,
                               Duration pollInterval,
                               Duration staleSweepInterval) {
}
