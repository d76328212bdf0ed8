package com.crashanalytics.api.config;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How graphql-java runs the requests: settings Spring Boot has no property for. */
@Configuration(proxyBeanMethods = false)
public class GraphQlEngineConfiguration {

    /** Documents kept parsed and validated: every distinct document a fleet of bots and dashboards sends, and more. */
    static final int PARSED_DOCUMENTS = 500;

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        ParsedDocumentCache cache = new ParsedDocumentCache(PARSED_DOCUMENTS);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }
}
