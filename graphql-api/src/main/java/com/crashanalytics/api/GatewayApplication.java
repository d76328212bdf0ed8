package com.crashanalytics.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Crash Analytics Gateway: GraphQL over PostgreSQL for crash-game bots and their dashboards. Its settings are
 * typed records, one per area ({@code @ConfigurationProperties}), found by the scan; their defaults are declared once,
 * in application.yaml.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
