package com.crashanalytics.api.config;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps the parsed and validated form of the GraphQL documents clients send, by their text: a bot sends the same
 * {@code logRound} document with new variables every round, and parsing and validating it again each time cost
 * about a fifth of the gateway's CPU per round. Validation depends only on the document and the schema, which is
 * fixed for the life of the gateway, so an entry stays right for as long as it is kept. The least recently used
 * documents make room when {@code capacity} are kept, so clients sending ever-new documents cost memory for at most
 * that many.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final RecentlyUsed<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(int capacity) {
        this.documents = new RecentlyUsed<>(capacity);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(documents.get(input.getQuery(), text -> parseAndValidate.apply(input)));
    }

    int size() {
        return documents.size();
    }
}
