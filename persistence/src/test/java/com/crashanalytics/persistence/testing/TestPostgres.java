package com.crashanalytics.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL 17 a test JVM uses: a Testcontainers {@code postgres:17} when a Docker engine answers,
 * the embedded PostgreSQL 17 otherwise (CI has no Docker). Started on first use, stopped when the JVM exits.
 * Never H2, never a mock: the tests run the same SQL the gateway runs.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final String TEST_DATABASE = "gateway_test";

    private static TestPostgres instance;

    private final String serverUrl;
    private final String username;
    private final String password;

    private TestPostgres(String serverUrl, String username, String password) {
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
    }

    /** The shared server, started on first call, with an empty {@value #TEST_DATABASE} database on it. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
            instance.createDatabase(TEST_DATABASE);
        }
        return instance;
    }

    /** The JDBC URL of the shared test database, migrated by whichever Spring context uses it first. */
    public String jdbcUrl() {
        return jdbcUrl(TEST_DATABASE);
    }

    public String jdbcUrl(String database) {
        return serverUrl + database + "?reWriteBatchedInserts=true";
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Creates an empty database on the test server (for tests that must start from nothing); returns its URL. */
    public String createDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database, e);
        }
        return jdbcUrl(database);
    }

    private static TestPostgres start() {
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            log.info("Test database: Testcontainers postgres:17");
            String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
            return new TestPostgres(url, container.getUsername(), container.getPassword());
        }
        try {
            // Generous startup wait: several builds may share two cores.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            log.info("Test database: embedded PostgreSQL on port {} (no Docker engine answered)", postgres.getPort());
            return new TestPostgres("jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded test PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
