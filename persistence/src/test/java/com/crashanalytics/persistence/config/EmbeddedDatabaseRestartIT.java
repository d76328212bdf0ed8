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

    /**
     * After a kill -9 of the gateway its postmaster runs on, with someone still connected (an idle psql, a
     * dashboard's pool). The next start takes it over anyway, and what was committed is there. (A smart shutdown
     * waited for that client and the start failed after 30 s.)
     */
    @Test
    void aLeftoverPostmasterWithAClientConnectedIsTakenOver() throws Exception {
        EmbeddedPostgres orphan = EmbeddedPostgresStarter.start(dataDirectory, 0);
        Connection idleClient = orphan.getPostgresDatabase().getConnection();
        Connection openTransaction = orphan.getPostgresDatabase().getConnection();
        try (Statement statement = idleClient.createStatement()) {
            statement.execute("CREATE TABLE survivor (name text)");
            statement.execute("INSERT INTO survivor VALUES ('committed before the crash')");
        }
        openTransaction.setAutoCommit(false);
        try (Statement statement = openTransaction.createStatement()) {
            statement.execute("INSERT INTO survivor VALUES ('never committed')");
        }
        long orphanPid = Long.parseLong(java.nio.file.Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        // The gateway that started it is gone (kill -9): nobody closes `orphan`, its clients stay connected, and
        // the dead JVM's lock on the data directory is released, as the kernel does for a killed process.
        releaseDirectoryLockOf(orphan);

        try (EmbeddedPostgres next = EmbeddedPostgresStarter.start(dataDirectory, 0);
             Connection connection = next.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT string_agg(name, ',') FROM survivor")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("committed before the crash");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            idleClient.close();
            openTransaction.close();
        }
    }

    private static void releaseDirectoryLockOf(EmbeddedPostgres postgres) throws Exception {
        java.lang.reflect.Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(postgres)).release();
        java.lang.reflect.Field stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.FileOutputStream) stream.get(postgres)).close();
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
