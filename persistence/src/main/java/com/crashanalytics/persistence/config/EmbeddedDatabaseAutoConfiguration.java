package com.crashanalytics.persistence.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The default database: with no {@code SPRING_DATASOURCE_URL}, an embedded PostgreSQL whose data lives under
 * {@code GATEWAY_DATA_DIR}. With a URL set, this configuration stays out of the way and Boot's own DataSource
 * configuration connects to that database instead.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(DatabaseNotConfigured.class)
@EnableConfigurationProperties(GatewayDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

    /** The start, unless {@link EarlyEmbeddedPostgresStart} began it before the context was built. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedPostgresLaunch embeddedPostgresLaunch(GatewayDatabaseProperties properties) {
        return EmbeddedPostgresLaunch.begin(properties);
    }

    /** Stopped by its launch (above, or the early start's), which also stops a database no bean ever asked for. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresLaunch launch) {
        EmbeddedPostgres postgres = launch.awaitReady();
        log.info("Database: embedded PostgreSQL on localhost:{}, data in {} (set SPRING_DATASOURCE_URL to use another)",
                postgres.getPort(), launch.dataDirectory());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(20);
        // As for an external database (application.yaml): a request waits at most 5 s for a connection.
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }
}
