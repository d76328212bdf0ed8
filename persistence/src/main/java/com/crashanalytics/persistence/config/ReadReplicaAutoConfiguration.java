package com.crashanalytics.persistence.config;

import java.time.Instant;

import javax.sql.DataSource;

import com.crashanalytics.persistence.replica.ReadReplica;
import com.crashanalytics.persistence.replica.ReadReplicaMetrics;
import com.crashanalytics.persistence.replica.ReadReplicaSettings;
import com.crashanalytics.persistence.replica.ReplicaRoutingDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * With {@code GATEWAY_READ_REPLICA_URL} set: dashboards' reads go to that PostgreSQL hot standby, everything else to
 * the primary (see {@link ReplicaRoutingDataSource} for how, {@link ReadReplica} for when they fall back). The
 * standby's pool belongs to the {@link ReadReplica} and is no DataSource bean: the gateway keeps one DataSource (for
 * Liquibase, the transaction manager, JdbcClient), the primary's wrapped in the routing.
 */
@AutoConfiguration
@Conditional(ReadReplicaConfigured.class)
@EnableConfigurationProperties(ReadReplicaSettings.class)
public class ReadReplicaAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicaAutoConfiguration.class);

    /** A dashboard read waits this long for a connection to the standby before the primary answers it. */
    static final long STANDBY_CONNECTION_TIMEOUT_MILLIS = 1_000;

    @Bean(destroyMethod = "close")
    ReadReplica readReplica(ReadReplicaSettings settings) {
        log.info("Read replica: PostgreSQL at {} answers dashboard reads (from GATEWAY_READ_REPLICA_URL; checked every {},"
                        + " at most {} behind)", ExternalDatabaseAutoConfiguration.withoutSecrets(settings.url()),
                settings.checkInterval(), settings.maxLag().isZero() ? "any time" : settings.maxLag());
        return new ReadReplica(standbyPool(settings), settings.checkInterval(), settings.maxLag());
    }

    private static HikariDataSource standbyPool(ReadReplicaSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway-read-replica");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(STANDBY_CONNECTION_TIMEOUT_MILLIS);
        // A standby that is away when the gateway starts must not keep it from starting: the primary answers meanwhile.
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }

    /**
     * Wraps the gateway's DataSource bean (the embedded one or Boot's for SPRING_DATASOURCE_URL, both named
     * {@code dataSource}) in the routing. Static, and the replica looked up only when the DataSource is made, as a
     * post-processor must be.
     */
    @Bean
    static BeanPostProcessor readReplicaRouting(ObjectProvider<ReadReplica> replica) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return "dataSource".equals(beanName) && bean instanceof DataSource primary
                        && !(bean instanceof ReplicaRoutingDataSource)
                        ? new ReplicaRoutingDataSource(primary, replica.getObject())
                        : bean;
            }
        };
    }

    @Bean
    ReadReplicaMetrics readReplicaMetrics(ReadReplica replica) {
        return new ReadReplicaMetrics(replica);
    }

    /** Checks the standby at once and then every interval, on a thread of its own; stopped with the context. */
    @Bean(destroyMethod = "close")
    SimpleAsyncTaskScheduler readReplicaChecks(ReadReplica replica, ReadReplicaSettings settings) {
        SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setThreadNamePrefix("read-replica-check-");
        scheduler.setConcurrencyLimit(1);
        scheduler.scheduleWithFixedDelay(replica::check, Instant.now(), settings.checkInterval());
        return scheduler;
    }
}
