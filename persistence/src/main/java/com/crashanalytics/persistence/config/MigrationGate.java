package com.crashanalytics.persistence.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Holds every connection back until the database is migrated. The migration runs on a thread of its own while the
 * rest of the gateway is built (see {@link MigrationBesideTheStart}); whatever asks for a connection before it is done
 * waits for it, so no statement ever meets a schema half migrated, and a migration that failed fails every request
 * for a connection with its cause (the start itself fails on it before the port opens).
 */
final class MigrationGate {

    private final CompletableFuture<Void> migrated = new CompletableFuture<>();
    private final Runnable startMigration;

    /**
     * @param startMigration begins the migration if it has not begun: a bean built before Liquibase's own that asks
     *                       for a connection must not wait for a migration nobody has started yet
     */
    MigrationGate(Runnable startMigration) {
        this.startMigration = startMigration;
    }

    void open() {
        migrated.complete(null);
    }

    void fail(Throwable cause) {
        migrated.completeExceptionally(cause);
    }

    boolean isOpen() {
        return migrated.isDone() && !migrated.isCompletedExceptionally();
    }

    /** Waits until the migration is done; throws its failure. */
    void await() {
        if (!migrated.isDone()) {
            startMigration.run();
        }
        try {
            migrated.join();
        } catch (CompletionException failed) {
            throw new DatabaseMigrationFailed(failed.getCause());
        }
    }

    /** The data source as the gateway's code sees it: a connection once the database is migrated. */
    DataSource guard(DataSource dataSource) {
        return new AwaitingMigration(dataSource, this);
    }

    /** What Liquibase and the migration lock use: the data source itself. */
    static DataSource unguarded(DataSource dataSource) {
        if (dataSource instanceof AwaitingMigration guarded && guarded.getTargetDataSource() != null) {
            return guarded.getTargetDataSource();
        }
        return dataSource;
    }

    static boolean isGuarded(Object bean) {
        return bean instanceof AwaitingMigration;
    }

    /** A migration that failed, as every later request for a connection sees it. */
    static final class DatabaseMigrationFailed extends IllegalStateException {
        DatabaseMigrationFailed(Throwable cause) {
            super("The database migration failed: " + cause.getMessage(), cause);
        }
    }

    private static final class AwaitingMigration extends DelegatingDataSource {
        private final MigrationGate gate;

        AwaitingMigration(DataSource target, MigrationGate gate) {
            super(target);
            this.gate = gate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            awaitMigration();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            awaitMigration();
            return super.getConnection(username, password);
        }

        private void awaitMigration() throws SQLException {
            if (!gate.isOpen()) {
                try {
                    gate.await();
                } catch (DatabaseMigrationFailed failed) {
                    throw new SQLException(failed.getMessage(), failed);
                }
            }
        }
    }
}
