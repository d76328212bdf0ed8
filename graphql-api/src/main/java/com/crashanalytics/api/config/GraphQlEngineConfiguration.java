package com.crashanalytics.api.config;

import java.util.List;

import com.crashanalytics.api.error.DatabaseUnavailableResponses;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/** How graphql-java runs the requests: settings Spring Boot has no property for. */
@Configuration(proxyBeanMethods = false)
public class GraphQlEngineConfiguration {

    /** Documents kept parsed and validated: every distinct document a fleet of bots and dashboards sends, and more. */
    public static final int PARSED_DOCUMENTS = 500;

    /**
     * Documents by their text ({@link ParsedDocumentCache}), or by their hash when the client speaks Apollo's
     * automatic persisted queries ({@code extensions.persistedQuery.sha256Hash}; {@link PersistedDocuments}).
     */
    @Bean
    PersistedDocuments persistedDocuments() {
        return new PersistedDocuments(PARSED_DOCUMENTS);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache(PersistedDocuments persistedDocuments) {
        ParsedDocumentCache byText = new ParsedDocumentCache(PARSED_DOCUMENTS);
        ApolloPersistedQuerySupport byHash = new ApolloPersistedQuerySupport(persistedDocuments);
        PreparsedDocumentProvider documents = (input, parseAndValidate) ->
                input.getExtensions().containsKey("persistedQuery")
                        ? byHash.getDocumentAsync(input, parseAndValidate)
                        : byText.getDocumentAsync(input, parseAndValidate);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /**
     * The gateway's instrumentations (Boot's order), chained as Spring would but without graphql-java's bookkeeping
     * per field and per object for hooks none of them listens to ({@link FieldLevelSkippingChain}); applied after
     * Spring has set its own chain, which this replaces.
     */
    @Bean
    GraphQlSourceBuilderCustomizer fieldLevelSkippingChain(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> chained = instrumentations.orderedStream().toList();
            if (!chained.isEmpty()) {
                graphQl.instrumentation(new FieldLevelSkippingChain(chained));
            }
        });
    }

    /** An argument with a default value sent as null means its default ({@link NullMeansDefault}). */
    @Bean
    GraphQlSourceBuilderCustomizer nullMeansDefault() {
        return builder -> builder.typeVisitors(List.of(NullMeansDefault.visitor()));
    }

    /** Boot's handler but for one thing: an answer whose database was away is HTTP 503 (with Retry-After). */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
        return new DatabaseUnavailableResponses.Http(webGraphQlHandler);
    }
}
