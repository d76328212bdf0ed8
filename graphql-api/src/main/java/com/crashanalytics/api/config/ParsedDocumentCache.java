package com.crashanalytics.api.config;

import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Map<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(int capacity) {
        this.documents = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry entry;
        synchronized (documents) {
            entry = documents.get(text);
        }
        if (entry == null) {
            entry = parseAndValidate.apply(input); // outside the lock: two threads may both parse a new document
            synchronized (documents) {
                documents.put(text, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        synchronized (documents) {
            return documents.size();
        }
    }
}
