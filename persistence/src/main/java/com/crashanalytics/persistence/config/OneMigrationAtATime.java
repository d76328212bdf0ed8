package com.crashanalytics.persistence.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import com.crashanalytics.persistence.common.SqlTemplate;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Lets one gateway at a time migrate the database, and none migrate a database that its changelog already
 * migrated. Replicas started together on a database no gateway has migrated yet would otherwise race to create
 * Liquibase's own changelog table (Liquibase 4.33 creates it while it reads the changelog's includes, before it
 * takes its lock table's lock), and all but one fail to start. So a PostgreSQL session advisory lock is held from
 * just before a {@link SpringLiquibase} migrates until just after: the others wait, then find nothing left to
 * apply. Under that lock the {@link MigrationRecord} tells whether this changelog is the one last applied, with
 * nothing changed since; then Liquibase is not run at all (it read and checked every change file on every start).
 *
 * <p>The context runs it beside the rest of the start ({@link MigrationBesideTheStart}).
 *
 * <p>If a migration fails, the lock's connection stays open until the process, which cannot start, exits:
 * PostgreSQL releases a session's advisory locks when its connection closes.
 */
final class OneMigrationAtATime {

    private static final Logger log = LoggerFactory.getLogger(OneMigrationAtATime.class);

    /** Any constant works; it names the migration lock among PostgreSQL's advisory locks. */
    static final long MIGRATION_LOCK = 0x6761_7465_6D69_67L;
    private static final String LOCK = SqlTemplate.sql("SELECT pg_advisory_lock({key})")
            .with("key", Long.toString(MIGRATION_LOCK)).text();
    private static final String UNLOCK = SqlTemplate.sql("SELECT pg_advisory_unlock({key})")
            .with("key", Long.toString(MIGRATION_LOCK)).text();

    private final Environment environment;

    OneMigrationAtATime(Environment environment) {
        this.environment = environment;
    }

    /** A migration under way: the lock's connection, and what to record if Liquibase runs. */
    private record Migration(Connection connection, MigrationRecord record, boolean liquibaseRuns) {
    }

    /**
     * One migration, under the lock: Liquibase runs unless the record shows this changelog already applied with
     * nothing changed since; what it applied is recorded before the lock is released.
     */
    void migrate(SpringLiquibase liquibase) throws LiquibaseException {
        DataSource dataSource = liquibase.getDataSource();
        if (dataSource == null) {
            liquibase.afterPropertiesSet();
            return;
        }
        Migration migration = lockAndJudge(liquibase, dataSource);
        if (migration.liquibaseRuns()) {
            liquibase.afterPropertiesSet();
        }
        recordAndUnlock(migration);
    }

    private Migration lockAndJudge(SpringLiquibase liquibase, DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            execute(connection, LOCK);
            MigrationRecord record = MigrationRecord.of(liquibase, parameters(),
                    PropertyPresence.isSet(environment, "spring.liquibase.rollback-file"));
            MigrationRecord.Verdict verdict = record.verdict(connection);
            boolean liquibaseRuns = verdict != MigrationRecord.Verdict.UP_TO_DATE;
            log.info("Database migration: {} (changelog digest {}); Liquibase {}", verdict.reason(),
                    record.describe(), liquibaseRuns ? "runs" : "not run");
            return new Migration(connection, record, liquibaseRuns);
        } catch (SQLException failed) {
            throw new BeanInitializationException("Could not take the database migration lock", failed);
        }
    }

    private static void recordAndUnlock(Migration migration) {
        try (Connection connection = migration.connection()) {
            if (migration.liquibaseRuns()) {
                migration.record().record(connection);
            }
            execute(connection, UNLOCK);
        } catch (SQLException failed) {
            throw new BeanInitializationException("Could not release the database migration lock", failed);
        }
    }

    private Map<String, String> parameters() {
        return Binder.get(environment)
                .bind("spring.liquibase.parameters", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
