package com.crashanalytics.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.crashanalytics.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The data source the gateway's code gets while the database migrates on a thread of its own (see
 * {@link MigrationBesideTheStart}): a connection asked for before the migration is done waits for it, one asked for
 * after a failed migration fails with its cause, and Liquibase's own connections do not wait for themselves.
 */
class MigrationGateIT {

    private final TestPostgres postgres = TestPostgres.get();
    private final DataSource database = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
            postgres.password());
    private final AtomicInteger migrationsBegun = new AtomicInteger();
    private final MigrationGate gate = new MigrationGate(migrationsBegun::incrementAndGet);

    @Test
    void aConnectionAskedForDuringTheMigrationWaitsUntilItIsDone() throws Exception {
        DataSource guarded = gate.guard(database);

        CompletableFuture<Boolean> asked = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = guarded.getConnection()) {
                return connection.isValid(1);
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            }
        });
        assertThatThrownBy(() -> asked.get(300, TimeUnit.MILLISECONDS))
                .as("no connection while the migration runs").isInstanceOf(TimeoutException.class);
        assertThat(migrationsBegun).as("the wait begins the migration if nothing has").hasValue(1);

        gate.open();
        assertThat(asked.get(10, TimeUnit.SECONDS)).isTrue();
        try (Connection connection = guarded.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(migrationsBegun).as("once open, nothing more is begun").hasValue(1);
    }

    @Test
    void aFailedMigrationFailsEveryConnectionWithItsCause() {
        DataSource guarded = gate.guard(database);

        gate.fail(new IllegalStateException("changeset 0999 failed: relation \"no_such_table\" does not exist"));

        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("The database migration failed")
                .hasMessageContaining("no_such_table");
        assertThatThrownBy(gate::await).isInstanceOf(MigrationGate.DatabaseMigrationFailed.class)
                .hasRootCauseMessage("changeset 0999 failed: relation \"no_such_table\" does not exist");
    }

    @Test
    void theMigrationItselfUsesTheDataSourceBehindTheGate() throws SQLException {
        DataSource guarded = gate.guard(database);

        assertThat(MigrationGate.isGuarded(guarded)).isTrue();
        assertThat(MigrationGate.unguarded(guarded)).isSameAs(database);
        assertThat(MigrationGate.unguarded(database)).isSameAs(database);
        try (Connection connection = MigrationGate.unguarded(guarded).getConnection()) {
            assertThat(connection.isValid(1)).as("no wait behind a gate still closed").isTrue();
        }
        assertThat(migrationsBegun).hasValue(0);
    }
}
