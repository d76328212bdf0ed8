package com.crashanalytics.persistence.replica;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.read-replica.*} ({@code GATEWAY_READ_REPLICA_URL}, {@code _USERNAME}, {@code _PASSWORD},
 * {@code _CHECK_INTERVAL}, {@code _MAX_LAG}): a PostgreSQL hot standby of the primary that dashboards' reads may go
 * to, how often it is checked, and how far behind it may fall before those reads go to the primary instead.
 *
 * @param url           the standby's JDBC URL (TLS options in it, as for the primary)
 * @param checkInterval how often its lag is measured and, while it is away, how often it is looked for again
 * @param maxLag        beyond this lag dashboards read from the primary; zero: no limit
 */
@ConfigurationProperties("gateway.read-replica")
public record ReadReplicaSettings(String url, @Nullable String username, @Nullable String password,
                                  @DefaultValue("5s") Duration checkInterval, @DefaultValue("30s") Duration maxLag) {

    public ReadReplicaSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("gateway.read-replica.url must be a JDBC URL");
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("gateway.read-replica.check-interval must be positive: " + checkInterval);
        }
        if (maxLag.isNegative()) {
            throw new IllegalArgumentException("gateway.read-replica.max-lag cannot be negative: " + maxLag);
        }
    }

    /** The password is a secret: never in a log line or an exception message. */
    @Override
    public String toString() {
        return "ReadReplicaSettings[url=" + url + ", username=" + username + ", checkInterval=" + checkInterval
                + ", maxLag=" + maxLag + "]";
    }
}
