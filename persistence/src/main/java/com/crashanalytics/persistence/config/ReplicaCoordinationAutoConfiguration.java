package com.crashanalytics.persistence.config;

import java.time.Duration;

import javax.sql.DataSource;

import com.crashanalytics.domain.access.SharedTokenBuckets;
import com.crashanalytics.domain.audit.Authorship;
import com.crashanalytics.persistence.bot.CachedPlatformRegistry;
import com.crashanalytics.persistence.bot.JdbcPlatformRegistry;
import com.crashanalytics.persistence.coordination.JdbcSharedTokenBuckets;
import com.crashanalytics.persistence.coordination.PlatformChangeListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What lets several gateway replicas share one database as if they were one gateway: the rate limits' buckets kept
 * in PostgreSQL, and the platform cache emptied on every replica when a platform changes. (Scheduled work takes its
 * advisory lock, {@code AdvisoryScheduledWorkLock} and {@code PostgresAdvisoryLocks}.)
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
public class ReplicaCoordinationAutoConfiguration {

    /** {@code GATEWAY_PLATFORM_CACHE_MAX_AGE}: the safety net behind the change notifications. */
    static final String PLATFORM_CACHE_MAX_AGE = "gateway.platform-cache.max-age";
    static final Duration DEFAULT_PLATFORM_CACHE_MAX_AGE = Duration.ofSeconds(30);
    @Bean
    CachedPlatformRegistry platformRegistry(JdbcClient jdbc, Authorship authorship, Environment environment) {
        Duration maxAge = Binder.get(environment).bind(PLATFORM_CACHE_MAX_AGE, Duration.class)
                .orElse(DEFAULT_PLATFORM_CACHE_MAX_AGE);
        return new CachedPlatformRegistry(new JdbcPlatformRegistry(jdbc, authorship), maxAge);
    }

    @Bean
    PlatformChangeListener platformChangeListener(DataSource dataSource, CachedPlatformRegistry platforms) {
        return new PlatformChangeListener(dataSource, platforms);
    }

    /**
     * Every replica's buckets in one table: a request takes its token in one statement that locks the key's row, so
     * two replicas never both spend the last token. {@code GATEWAY_RATE_LIMIT_SHARED=false} keeps buckets in each
     * replica's memory instead (one gateway only).
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "gateway.rate-limit.shared", matchIfMissing = true)
    SharedTokenBuckets sharedRateLimitBuckets(JdbcClient jdbc) {
        return new JdbcSharedTokenBuckets(jdbc);
    }
}
