package com.crashanalytics.persistence.testing;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database of its own on the test PostgreSQL, migrated with the real changelog, for tests outside Spring. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    public static DataSource create(String name) throws Exception {
        TestPostgres postgres = TestPostgres.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.createDatabase(name),
                postgres.username(), postgres.password());
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        return dataSource;
    }
}
