package com.crashanalytics.persistence.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** With {@code SPRING_DATASOURCE_URL} set, says once which database the gateway uses (never its credentials). */
@AutoConfiguration
@ConditionalOnProperty(name = "spring.datasource.url")
public class ExternalDatabaseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseAutoConfiguration.class);

    @Bean
    InitializingBean externalDatabaseAnnouncement(Environment environment) {
        return () -> log.info("Database: external PostgreSQL at {} (from SPRING_DATASOURCE_URL; no embedded database)",
                withoutSecrets(environment.getProperty("spring.datasource.url", "")));
    }

    /** The URL without user info or password parameters, fit for a log line. */
    static String withoutSecrets(String jdbcUrl) {
        return jdbcUrl
                .replaceAll("//[^/@]*@", "//")
                .replaceAll("(?i)([?&](password|user|sslpassword|sslkey)=)[^&]*", "$1***");
    }
}
