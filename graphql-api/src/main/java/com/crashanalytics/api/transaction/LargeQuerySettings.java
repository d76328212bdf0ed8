package com.crashanalytics.api.transaction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How large queries take turns ({@code gateway.large-queries.*}; environment variables and defaults in
 * application.yaml). See {@link LargeQueryTurns}.
 *
 * @param complexity the size from which a query is large: the complexity {@code gateway.limits.max-complexity} limits
 *                   (every field counts 1, a list's items or a connection's edges under {@code first: n} n times)
 * @param atOnce     how many large queries are answered at the same time; 0 means one per processor
 * @param maxWait    how long a large query waits for its turn before it is refused as UNAVAILABLE
 */
@ConfigurationProperties("gateway.large-queries")
public record LargeQuerySettings(long complexity, int atOnce, Duration maxWait) {

    public LargeQuerySettings {
        if (complexity < 1 || atOnce < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("gateway.large-queries: complexity must be positive, at-once 0 or more, "
                    + "max-wait not negative: complexity " + complexity + ", at-once " + atOnce + ", max-wait "
                    + maxWait);
        }
    }

    /** The turns there are: {@link #atOnce}, or one per processor the JVM may use. */
    int turns() {
        return atOnce > 0 ? atOnce : Runtime.getRuntime().availableProcessors();
    }
}
