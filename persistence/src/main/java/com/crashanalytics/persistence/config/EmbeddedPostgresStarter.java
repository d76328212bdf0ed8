package com.crashanalytics.persistence.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL 17 the gateway uses when no database is configured, on a data directory that
 * survives restarts. The binaries come from a Maven artifact, so a fresh machine needs nothing but a JDK.
 */
final class EmbeddedPostgresStarter {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private EmbeddedPostgresStarter() {
    }

    static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky tunes PostgreSQL for throwaway test databases (-F: fsync off, synchronous_commit off).
                    // This data directory is the gateway's only copy: an acknowledged write must survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "localhost");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A gateway killed without a chance to shut down (SIGKILL, power loss of the JVM only) leaves its postmaster
     * running on the data directory, and a new one could not start there. Such an orphan is stopped first;
     * PostgreSQL's own crash recovery makes the shutdown safe.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresStarter::isPostgres);
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("Found a PostgreSQL (pid {}) left running on {} by a previous gateway; stopping it first",
                postmaster.get().pid(), dataDirectory);
        postmaster.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        try {
            postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("a previous PostgreSQL (pid " + postmaster.get().pid()
                    + ") still runs on " + dataDirectory + "; stop it and start the gateway again", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }
}
