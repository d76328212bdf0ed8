package com.crashanalytics.persistence.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the shared test database, as SPRING_DATASOURCE_URL would in production: the
 * gateway then uses it and starts no embedded database of its own. Liquibase migrates it with the real changelog.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres postgres = TestPostgres.get();
        TestPropertyValues.of(
                "spring.datasource.url=" + postgres.jdbcUrl(),
                "spring.datasource.username=" + postgres.username(),
                "spring.datasource.password=" + postgres.password()
        ).applyTo(context.getEnvironment());
    }
}
