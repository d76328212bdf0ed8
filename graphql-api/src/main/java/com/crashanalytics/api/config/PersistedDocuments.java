package com.crashanalytics.api.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;

/**
 * The documents clients registered by hash under Apollo's automatic persisted queries: a client sends only the
 * SHA-256 of a document it sent before; an unknown hash answers {@code PersistedQueryNotFound}, and the client sends
 * the document with its hash once (graphql-java checks that they match), after which the hash alone will do. Kept
 * parsed and validated, the least recently used making room past {@code capacity}, so a client sending ever-new
 * documents costs memory for at most that many.
 */
public final class PersistedDocuments implements PersistedQueryCache {

    private final RecentlyUsed<Object, PreparsedDocumentEntry> documents;
    private final RecentlyUsed<Object, String> texts;

    PersistedDocuments(int capacity) {
        this.documents = new RecentlyUsed<>(capacity);
        this.texts = new RecentlyUsed<>(capacity);
    }

    /**
     * The text of the document a request names only by its hash: {@code SnapshotReads} reads it to learn whether the
     * operation is a query (run in a read-only snapshot under the statement timeout) before graphql-java runs.
     */
    public Optional<String> documentNamedBy(Map<String, Object> extensions) {
        Object persisted = extensions.get("persistedQuery");
        Object hash = persisted instanceof Map<?, ?> fields ? fields.get("sha256Hash") : null;
        return hash == null ? Optional.empty() : texts.find(hash);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(
            Object hash, ExecutionInput input, PersistedQueryCacheMiss parseAndValidate) {
        // On a miss graphql-java's own function checks the document sent (none: PersistedQueryNotFound; another
        // hash: PersistedQueryIdInvalid) before it parses, and throws; graphql-java answers that as an error, and
        // nothing is kept.
        // Spring puts a marker in place of a document that was not sent; graphql-java 25.1 no longer looks for it.
        String sent = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(input.getQuery()) ? null : input.getQuery();
        PreparsedDocumentEntry entry = documents.get(hash, any -> parseAndValidate.apply(sent));
        if (sent != null && !entry.hasErrors()) {
            texts.get(hash, any -> sent);
        }
        return CompletableFuture.completedFuture(entry);
    }
}
