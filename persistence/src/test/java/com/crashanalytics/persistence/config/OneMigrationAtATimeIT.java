package com.crashanalytics.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.crashanalytics.persistence.testing.TestPostgres;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Three gateways starting at once on a database none has migrated yet, as a first deployment of three replicas
 * does: each migrates as its application context would ({@link OneMigrationAtATime}, which the context runs beside
 * the rest of its start), and every one starts; the changelog records each changeset once.
 */
class OneMigrationAtATimeIT {

    private static final int REPLICAS = 3;

    @Test
    void replicasStartingTogetherOnAFreshDatabaseAllMigrateIt() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                postgres.createDatabase("migrated_by_three_at_once"), postgres.username(), postgres.password());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int replica = 0; replica < REPLICAS; replica++) {
                started.add(replicas.submit(() -> {
                    SpringLiquibase liquibase = new SpringLiquibase();
                    liquibase.setDataSource(dataSource);
                    liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
                    liquibase.setResourceLoader(new DefaultResourceLoader());
                    start.await();
                    new OneMigrationAtATime(new StandardEnvironment()).migrate(liquibase);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> replica : started) {
                replica.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
                .isPositive()
                .isEqualTo(jdbc.queryForObject(
                        "SELECT count(*) FROM (SELECT DISTINCT id, author, filename FROM databasechangelog) d",
                        Integer.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = ?",
                Integer.class, (int) OneMigrationAtATime.MIGRATION_LOCK)).as("the lock released").isZero();
    }
}
