package com.crashanalytics.persistence.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.crashanalytics.persistence.common.SqlTemplate;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets one gateway at a time migrate the database. Replicas started together on a database no gateway has migrated
 * yet would otherwise race to create Liquibase's own changelog table (Liquibase 4.33 creates it while it reads the
 * changelog's includes, before it takes its lock table's lock), and all but one fail to start. So a PostgreSQL
 * session advisory lock is held from just before a {@link SpringLiquibase} migrates until just after: the others
 * wait, then find nothing left to apply.
 *
 * <p>If a migration fails, the lock's connection stays open until the process, which cannot start, exits:
 * PostgreSQL releases a session's advisory locks when its connection closes.
 */
final class OneMigrationAtATime implements BeanPostProcessor {

    /** Any constant works; it names the migration lock among PostgreSQL's advisory locks. */
    static final long MIGRATION_LOCK = 0x6761_7465_6D69_67L;
    private static final String LOCK = SqlTemplate.sql("SELECT pg_advisory_lock({key})")
            .with("key", Long.toString(MIGRATION_LOCK)).text();
    private static final String UNLOCK = SqlTemplate.sql("SELECT pg_advisory_unlock({key})")
            .with("key", Long.toString(MIGRATION_LOCK)).text();

    private final Map<String, Connection> held = new ConcurrentHashMap<>();

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            try {
                Connection connection = liquibase.getDataSource().getConnection();
                connection.setAutoCommit(true);
                execute(connection, LOCK);
                held.put(beanName, connection);
            } catch (SQLException failed) {
                throw new BeanInitializationException("Could not take the database migration lock", failed);
            }
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Connection connection = held.remove(beanName);
        if (connection != null) {
            try (connection) {
                execute(connection, UNLOCK);
            } catch (SQLException failed) {
                throw new BeanInitializationException("Could not release the database migration lock", failed);
            }
        }
        return bean;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
