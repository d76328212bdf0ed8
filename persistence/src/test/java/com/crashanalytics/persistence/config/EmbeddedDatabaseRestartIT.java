package com.crashanalytics.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's default database keeps its data across restarts and is durable (fsync on). */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDirectory;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgresStarter.start(dataDirectory, 0);
             Connection connection = first.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivor (name text)");
            statement.execute("INSERT INTO survivor VALUES ('aviator_bot_001')");
        }

        try (EmbeddedPostgres second = EmbeddedPostgresStarter.start(dataDirectory, 0);
             Connection connection = second.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("aviator_bot_001");
        }
    }

    @Test
    void acknowledgedCommitsAreFlushedToDisk() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresStarter.start(dataDirectory, 0);
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
