package com.crashanalytics.persistence.config;

import org.springframework.core.env.Environment;

/** Matches when no external database is configured ({@code spring.datasource.url} / SPRING_DATASOURCE_URL unset). */
class DatabaseNotConfigured extends PropertyPresence {

    static final String DATABASE_URL = "spring.datasource.url";

    DatabaseNotConfigured() {
        super(DATABASE_URL, false);
    }

    /** The condition's rule, for a decision taken before conditions are evaluated ({@link EarlyEmbeddedPostgresStart}). */
    static boolean in(Environment environment) {
        return !isSet(environment, DATABASE_URL);
    }
}
