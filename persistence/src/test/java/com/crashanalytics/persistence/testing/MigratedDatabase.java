package com.crashanalytics.persistence.testing;

import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh database on the test server, migrated by the real changelog: for adapter tests without Spring Boot. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    public static DataSource create(String name) {
        TestPostgres postgres = TestPostgres.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.createDatabase(name),
                postgres.username(), postgres.password());
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("could not migrate test database " + name, e);
        }
        return dataSource;
    }

    /**
     * The same behind a pool of two connections (a plain data source opens a connection per statement), for tests
     * that write many rows; close it after.
     */
    public static HikariDataSource pooled(String name) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(create(name));
        pool.setMaximumPoolSize(2);
        return pool;
    }

    /**
     * A fresh database migrated by the real changelog up to, not including, the changeset {@code changeSetId}: write
     * rows in the shape before it with {@code beforeIt}, then the rest of the changelog runs. The way to test a
     * migration on a database in use.
     */
    public static DataSource migratedAcross(String name, String changeSetId, Consumer<DataSource> beforeIt)
            throws Exception {
        TestPostgres postgres = TestPostgres.get();
        DataSource dataSource = new DriverManagerDataSource(postgres.createDatabase(name), postgres.username(),
                postgres.password());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
                    new ClassLoaderResourceAccessor(), database);
            List<ChangeSet> changeSets = liquibase.getDatabaseChangeLog().getChangeSets();
            int before = changeSets.indexOf(changeSets.stream()
                    .filter(changeSet -> changeSet.getId().equals(changeSetId)).findFirst().orElseThrow());
            liquibase.update(before, new Contexts(), new LabelExpression());
            beforeIt.accept(dataSource);
            liquibase.update(new Contexts(), new LabelExpression());
        }
        return dataSource;
    }
}
