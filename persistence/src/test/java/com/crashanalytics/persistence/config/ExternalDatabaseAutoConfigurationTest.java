package com.crashanalytics.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalDatabaseAutoConfigurationTest {

    @Test
    void logsTheDatabaseUrlWithoutCredentials() {
        String url = "jdbc:postgresql://pk:s3cret@db.example.com:25060/defaultdb?sslmode=require&password=s3cret&user=pk";

        String shown = ExternalDatabaseAutoConfiguration.withoutSecrets(url);

        assertThat(shown).doesNotContain("s3cret").doesNotContain("pk:")
                .startsWith("jdbc:postgresql://db.example.com:25060/defaultdb?sslmode=require");
    }
}
