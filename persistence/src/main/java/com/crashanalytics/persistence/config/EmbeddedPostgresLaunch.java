package com.crashanalytics.persistence.config;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL being started on a thread of its own, so that its start (the orphan check, on a first
 * start {@code initdb}, the postmaster's recovery) runs beside Spring's building of the context instead of before
 * the beans that need it. Whoever holds the launch closes it, which stops the database once it is up, whether or
 * not anything ever used it.
 */
final class EmbeddedPostgresLaunch implements AutoCloseable {

    private final Path dataDirectory;
    private final CompletableFuture<EmbeddedPostgres> started;

    private EmbeddedPostgresLaunch(Path dataDirectory, CompletableFuture<EmbeddedPostgres> started) {
        this.dataDirectory = dataDirectory;
        this.started = started;
    }

    /**
     * Starts PostgreSQL where the gateway's settings say ({@code gateway.data-dir}; its port, 0 for any free one) and
     * returns at once.
     */
    static EmbeddedPostgresLaunch begin(GatewayDatabaseProperties settings) {
        Path dataDirectory = settings.getDataDir().toAbsolutePath().normalize();
        int port = settings.getEmbeddedDbPort();
        return new EmbeddedPostgresLaunch(dataDirectory, CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresStarter.start(dataDirectory, port), EmbeddedPostgresLaunch::onItsOwnThread));
    }

    /**
     * A daemon thread: a JVM that fails to start must not be kept alive by it; the database it started is closed with
     * the launch, or by the next start's orphan check if the JVM dies first.
     */
    private static void onItsOwnThread(Runnable start) {
        Thread starter = new Thread(start, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Waits for PostgreSQL to accept connections; a start that failed fails here, with its own exception. */
    EmbeddedPostgres awaitReady() {
        try {
            return started.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Stops PostgreSQL, waiting for its start to end first; a start that failed left nothing to stop. */
    @Override
    public void close() throws Exception {
        EmbeddedPostgres postgres;
        try {
            postgres = started.join();
        } catch (CompletionException failedToStart) {
            return;
        }
        postgres.close();
    }
}
