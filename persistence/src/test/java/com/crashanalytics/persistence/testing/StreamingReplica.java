package com.crashanalytics.persistence.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL 17 primary and a hot standby streaming from it, both the embedded PostgreSQL (zonky, so no Docker, no
 * installed server, and as root too: zonky starts it under {@code unshare -U}), each in a temporary data directory
 * removed on {@link #close}. Both serve the database {@code postgres} as user {@code postgres}.
 *
 * <p>zonky's bundle has {@code initdb}, {@code pg_ctl} and {@code postgres} but no {@code pg_basebackup}, so the
 * standby is made the way pg_basebackup makes one: a physical replication slot on the primary (it keeps the WAL the
 * standby has yet to stream), {@code pg_backup_start}, a copy of the primary's data directory without its WAL and
 * its pid files, {@code pg_backup_stop} (whose label file tells the standby where to start replaying), then
 * {@code standby.signal} and {@code primary_conninfo}. The primary runs with {@code wal_level=replica} and takes
 * replication connections from localhost ({@code pg_hba.conf}).
 */
public final class StreamingReplica implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SLOT = "gateway_test_standby";
    /** Left out of the copy, as pg_basebackup leaves them out: the primary's own state, not its data. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final Set<String> COPIED_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp");

    private final Path primaryDirectory;
    private final Path standbyDirectory;
    private final int standbyPort;
    private final EmbeddedPostgres primary;
    private EmbeddedPostgres standby;
    private boolean standbyRunning;

    private StreamingReplica(Path primaryDirectory, Path standbyDirectory) throws IOException, SQLException {
        this.primaryDirectory = primaryDirectory;
        this.standbyDirectory = standbyDirectory;
        this.primary = EmbeddedPostgres.builder()
                .setDataDirectory(primaryDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("wal_level", "replica")
                .setServerConfig("max_wal_senders", "4")
                .setServerConfig("max_replication_slots", "4")
                .start();
        // Chosen once the primary listens: a port picked before could be handed to the primary too (both are free
        // ports asked of the kernel, the first released before the second is asked), and the standby, failing to
        // bind it, would leave its URL answering from the primary (a CI run of 2026-12-05 did that).
        this.standbyPort = freePortOtherThan(primary.getPort());
        allowReplicationFromLocalhost();
        copyPrimaryIntoStandbyDirectory();
        startStandby();
    }

    /** Starts a primary and a standby of it, streaming. */
    public static StreamingReplica start() {
        try {
            Path root = Files.createTempDirectory("streaming-replica");
            return new StreamingReplica(root.resolve("primary"), root.resolve("standby"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a primary and its standby", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the standby", e);
        }
    }

    public String primaryUrl() {
        return primary.getJdbcUrl("postgres", "postgres");
    }

    /** The standby's URL; it stays the same when the standby is stopped and started again. */
    public String standbyUrl() {
        return "jdbc:postgresql://localhost:" + standbyPort + "/postgres?user=postgres";
    }

    /**
     * Starts the standby (again) on its data directory and port: it resumes streaming where it stopped. Does nothing
     * while it runs.
     */
    public synchronized void startStandby() {
        if (standbyRunning) {
            return;
        }
        try {
            standby = EmbeddedPostgres.builder()
                    .setDataDirectory(standbyDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(standbyPort)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("hot_standby", "on")
                    .start();
            standbyRunning = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the standby", e);
        }
    }

    /** Stops the standby (a fast shutdown): its connections are closed, its port refuses new ones. */
    public synchronized void stopStandby() {
        standbyRunning = false;
        try {
            standby.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the standby", e);
        }
    }

    /** Pauses the standby's replay, and waits until it has paused: it keeps receiving WAL, applies none of it. */
    public void pauseReplay() {
        onStandby("SELECT pg_wal_replay_pause()");
        await("the standby's replay to pause",
                () -> "paused".equals(onStandby("SELECT pg_get_wal_replay_pause_state()")));
    }

    public void resumeReplay() {
        onStandby("SELECT pg_wal_replay_resume()");
    }

    /** Waits until the standby has applied everything the primary has written so far. */
    public void awaitStandbyCaughtUp() {
        String written = onPrimary("SELECT pg_current_wal_lsn()::text");
        await("the standby to replay the primary's WAL up to " + written, () -> "t".equals(
                onStandby("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '" + written + "'::pg_lsn) >= 0")));
    }

    /** The first column of the first row of a query on the standby, as text. */
    public String onStandby(String sql) {
        return firstValue(standbyUrl(), sql);
    }

    /** The first column of the first row of a query on the primary, as text. */
    public String onPrimary(String sql) {
        return firstValue(primaryUrl(), sql);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            standby.close();
        } finally {
            primary.close();
            deleteRecursively(primaryDirectory.getParent());
        }
    }

    private void allowReplicationFromLocalhost() throws IOException {
        Path hba = primaryDirectory.resolve("pg_hba.conf");
        boolean allowed = Files.readAllLines(hba).stream()
                .map(String::strip)
                .anyMatch(line -> line.matches("host\\s+replication\\s+all\\s+127\\.0\\.0\\.1/32\\s+trust"));
        if (!allowed) {
            Files.writeString(hba, "host replication all 127.0.0.1/32 trust\nhost replication all ::1/128 trust\n",
                    StandardOpenOption.APPEND);
            onPrimary("SELECT pg_reload_conf()");
        }
    }

    /** A base backup by hand: pg_backup_start and pg_backup_stop on one session, the files copied between them. */
    private void copyPrimaryIntoStandbyDirectory() throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(primaryUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            statement.execute("SELECT pg_backup_start('gateway-test-standby', true)");
            copyDataDirectory();
            try (ResultSet stop = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(standbyDirectory.resolve("backup_label"), stop.getString(1));
            }
        }
        Files.createFile(standbyDirectory.resolve("standby.signal"));
        Files.writeString(standbyDirectory.resolve("postgresql.auto.conf"), String.format(
                "primary_conninfo = 'host=localhost port=%d user=postgres application_name=gateway_test_standby'%n"
                        + "primary_slot_name = '%s'%n", primary.getPort(), SLOT), StandardOpenOption.APPEND);
    }

    private void copyDataDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(primaryDirectory)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = primaryDirectory.relativize(source);
                if (relative.getNameCount() > 1 && COPIED_EMPTY.contains(relative.getName(0).toString())
                        || NOT_COPIED.contains(relative.toString())) {
                    continue;
                }
                Path target = standbyDirectory.resolve(relative.toString());
                try {
                    // With its permissions: PostgreSQL refuses a data directory others may read (0700 or 0750 only).
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException goneMeanwhile) {
                    // A temporary file the server removed while we copied: a base backup may miss it.
                }
            }
        }
        Files.createDirectory(standbyDirectory.resolve("pg_wal").resolve("archive_status"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static String firstValue(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }

    /** Polls a condition every 100 ms until it holds, for up to a minute (several builds may share two cores). */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static int freePortOtherThan(int taken) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (socket.getLocalPort() != taken) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException | NoSuchFileException raced) {
                    // A server still shutting down wrote into it: left to the temporary directory's cleaning.
                }
            }
        }
    }
}
