package com.crashanalytics.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.crashanalytics.api.GatewayApplication;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The gateway as the README's run command starts it, with no database configured: on an empty data directory, then
 * again on the same one, then two starts that fail (issue 14: start to first answer under 10 s). The embedded
 * PostgreSQL starts while the context is being built, not once a bean asks for it; the migration runs on a thread of
 * its own beside the rest of the start, and a migration that fails fails the start; a restart whose changelog was
 * already applied does not run Liquibase; and the database stops with the gateway, also when the gateway fails to
 * start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseStartIT {

    /** The package of the migration's classes (OneMigrationAtATime, MigrationBesideTheStart). */
    private static final String MIGRATION_LOGGER = "com.crashanalytics.persistence.config";
    private static final String LAUNCH_BEAN = "embeddedPostgresLaunch";

    @TempDir
    static Path dataDirectory;

    private final ListAppender<ILoggingEvent> migrationLog = new ListAppender<>();
    private final AtomicBoolean launchedBeforeRefresh = new AtomicBoolean();
    private ConfigurableApplicationContext gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void aFirstStartOnAnEmptyDataDirectoryStartsItsDatabaseBeforeTheContextAndMigrates() throws Exception {
        gateway = start();

        assertThat(launchedBeforeRefresh).as("the database's start began before the context was built").isTrue();
        assertThat(answersTypename()).isTrue();
        assertThat(migrationMessages()).singleElement().asString()
                .contains("no migration recorded yet").endsWith("Liquibase runs");
        assertThat(migrationThreads()).as("the migration ran beside the context's start, not on its thread")
                .containsExactly("database-migration");
        assertThat(gateway.getBean(DataSource.class)).as("the gateway's connections wait for the migration")
                .isInstanceOf(DelegatingDataSource.class);
        long postmaster = postmasterPid().orElseThrow();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

        gateway.close();
        assertThat(stopped(postmaster)).as("the database stops with the gateway").isTrue();
    }

    @Test
    @Order(2)
    void aRestartOnTheSameDataDoesNotRunLiquibase() throws Exception {
        gateway = start();

        assertThat(migrationMessages()).singleElement().asString()
                .contains("the changelog is the one last applied").endsWith("Liquibase not run");
        assertThat(answersTypename()).isTrue();
        long postmaster = postmasterPid().orElseThrow();
        gateway.close();
        assertThat(stopped(postmaster)).isTrue();
    }

    @Test
    @Order(3)
    void aStartThatFailsStopsTheDatabaseItStarted() throws Exception {
        assertThatThrownBy(() -> start("--gateway.read-statement-timeout=forever"))
                .hasStackTraceContaining("read-statement-timeout");

        assertThat(launchedBeforeRefresh).isTrue();
        Optional<Long> leftOver = postmasterPid();
        assertThat(leftOver.map(pid -> !stopped(pid)).orElse(false))
                .as("a PostgreSQL still running on the data directory: %s", leftOver).isFalse();
    }

    @Test
    @Order(4)
    void aMigrationThatFailsFailsTheStartAndStopsTheDatabase() throws Exception {
        assertThatThrownBy(() -> start("--spring.liquibase.change-log=classpath:db/failing-changelog.yaml"))
                .hasStackTraceContaining("The database migration failed")
                .hasStackTraceContaining("no_such_table");

        assertThat(migrationMessages()).singleElement().asString().endsWith("Liquibase runs");
        Optional<Long> leftOver = postmasterPid();
        assertThat(leftOver.map(pid -> !stopped(pid)).orElse(false))
                .as("a PostgreSQL still running on the data directory: %s", leftOver).isFalse();
    }

    @Test
    @Order(5)
    void aStartThatFailsWhileTheDatabaseMigratesLetsTheMigrationFinishFirst(@TempDir Path freshData) {
        assertThatThrownBy(() -> start(freshData, List.of(FailsWhileTheDatabaseMigrates.class)))
                .hasStackTraceContaining(FailsWhileTheDatabaseMigrates.FAILURE);
        assertThat(migrationMessages()).as("the failed start migrated, and waited for it to finish")
                .satisfiesExactly(
                        verdict -> assertThat(verdict).contains("no migration recorded yet").endsWith("Liquibase runs"),
                        closing -> assertThat(closing).endsWith("waiting for it to finish before the gateway stops"));

        gateway = start(freshData, List.of());
        assertThat(migrationMessages()).as("all applied and recorded: not cut off, Liquibase's lock left free")
                .singleElement().asString().endsWith("Liquibase not run");
        assertThat(answersTypename()).isTrue();
    }

    /** A bean that fails the start just after the migration began (Liquibase's bean built, its thread started). */
    @Configuration(proxyBeanMethods = false)
    static class FailsWhileTheDatabaseMigrates {
        static final String FAILURE = "a bean failed while the database was being migrated";

        @Bean
        @DependsOn("liquibase")
        Object failsWhileTheDatabaseMigrates() {
            throw new IllegalStateException(FAILURE);
        }
    }

    private ConfigurableApplicationContext start(String... extraArguments) {
        return start(dataDirectory, List.of(), extraArguments);
    }

    private ConfigurableApplicationContext start(Path data, List<Class<?>> extraSources, String... extraArguments) {
        ((Logger) LoggerFactory.getLogger(MIGRATION_LOGGER)).detachAppender(migrationLog);
        migrationLog.list.clear();
        migrationLog.start();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--gateway.data-dir=" + data, "--gateway.admin-key=" + TestApiKeys.ADMIN));
        arguments.addAll(List.of(extraArguments));
        List<Class<?>> sources = new ArrayList<>(List.of(GatewayApplication.class));
        sources.addAll(extraSources);
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .listeners((ApplicationListener<ApplicationPreparedEvent>) prepared -> {
                    // Runs after the gateway's own listeners for this event, just before the refresh.
                    launchedBeforeRefresh.set(prepared.getApplicationContext().getBeanFactory()
                            .containsSingleton(LAUNCH_BEAN));
                    // Spring Boot sets logging up anew on each start: listen once it has.
                    ((Logger) LoggerFactory.getLogger(MIGRATION_LOGGER)).addAppender(migrationLog);
                })
                .run(arguments.toArray(String[]::new));
    }

    private boolean answersTypename() {
        int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
        GraphQlResponse answer = new GraphQlClient(port).withApiKey(TestApiKeys.ADMIN).execute("{ __typename }");
        return answer.status() == 200 && "Query".equals(answer.data("__typename").asString());
    }

    private List<String> migrationMessages() {
        return migrationEvents().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<String> migrationThreads() {
        return migrationEvents().stream().map(ILoggingEvent::getThreadName).toList();
    }

    private List<ILoggingEvent> migrationEvents() {
        return migrationLog.list.stream()
                .filter(event -> event.getFormattedMessage().startsWith("Database migration:")).toList();
    }

    private static Optional<Long> postmasterPid() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    /** Whether the process ends within a few seconds (it may be finishing its shutdown checkpoint). */
    private static boolean stopped(long pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
