package com.crashanalytics.api.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.cors.*}: which browser origins may call {@code /graphql} (none unless configured; a page the gateway
 * serves needs none).
 *
 * @param allowedOrigins origins such as {@code https://grafana.example.com}; blanks are ignored
 */
@ConfigurationProperties("gateway.cors")
record CorsSettings(@Nullable List<String> allowedOrigins) {

    CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
