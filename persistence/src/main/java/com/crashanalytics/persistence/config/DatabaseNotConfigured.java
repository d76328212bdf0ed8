package com.crashanalytics.persistence.config;

/** Matches when no external database is configured ({@code spring.datasource.url} / SPRING_DATASOURCE_URL unset). */
class DatabaseNotConfigured extends PropertyPresence {

    DatabaseNotConfigured() {
        super("spring.datasource.url", false);
    }
}
