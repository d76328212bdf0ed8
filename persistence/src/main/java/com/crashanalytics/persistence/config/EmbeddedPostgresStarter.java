package com.crashanalytics.persistence.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private static final Duration ORPHAN_FAST_SHUTDOWN = Duration.ofSeconds(15);
    private static final Duration ORPHAN_IMMEDIATE_SHUTDOWN = Duration.ofSeconds(10);

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
     * running on the data directory, and a new one could not start there. Such an orphan is stopped first, whatever
     * its clients do: a "fast" shutdown (SIGINT: clients are disconnected, open transactions rolled back, a clean
     * checkpoint), and if that does not end it in time an "immediate" one (SIGQUIT: PostgreSQL's crash recovery
     * replays the WAL on the next start, so nothing committed is lost). A "smart" shutdown (SIGTERM) would wait for
     * every client, and one idle psql would keep the gateway from ever starting.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> found = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresStarter::isPostgres);
        if (found.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = found.get();
        log.warn("Found a PostgreSQL (pid {}) left running on {} by a previous gateway; stopping it first (fast shutdown)",
                postmaster.pid(), dataDirectory);
        if (stops(postmaster, "INT", ORPHAN_FAST_SHUTDOWN)) {
            return;
        }
        log.warn("The previous PostgreSQL (pid {}) did not stop within {} s; stopping it at once (immediate shutdown,"
                + " crash recovery on start)", postmaster.pid(), ORPHAN_FAST_SHUTDOWN.toSeconds());
        if (stops(postmaster, "QUIT", ORPHAN_IMMEDIATE_SHUTDOWN)) {
            return;
        }
        throw new IllegalStateException("a previous PostgreSQL (pid " + postmaster.pid() + ") still runs on "
                + dataDirectory + " after a fast and an immediate shutdown; stop it and start the gateway again");
    }

    /** Sends the postmaster a signal ({@code kill -INT}, {@code kill -QUIT}) and waits up to {@code patience}. */
    private static boolean stops(ProcessHandle postmaster, String signal, Duration patience) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(postmaster.pid()))
                .redirectErrorStream(true).start();
        try {
            kill.waitFor(5, TimeUnit.SECONDS);
            postmaster.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the previous PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for the previous PostgreSQL to stop", e);
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
