package com.crashanalytics.persistence.testing;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
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
}
