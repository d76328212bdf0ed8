package com.crashanalytics.api.config;

import java.util.Optional;
import java.util.function.Supplier;

import com.crashanalytics.api.security.Callers;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.common.Transactions;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs each query in one read-only transaction on one snapshot of the data; a dashboard's on the read replica, if any
 * ({@link #mayLag}). A dashboard's nested query is read level
 * by level (the bots, then their sessions, then their rounds, ...), one statement per level; bots keep logging
 * meanwhile, and without a snapshot a session could show 21 rounds in its totals and 22 in its rounds. Mutations
 * are left alone: each use case opens its own transaction.
 *
 * <p>This relies on the query's data fetchers and DataLoaders running on the request's thread, which they do: the
 * controllers are synchronous and the batch loaders answer at once. Were one ever to run elsewhere, it would read
 * outside the snapshot (still correctly, only not from the same moment).
 */
@Component
public class SnapshotReads implements WebGraphQlInterceptor {

    private final Transactions transactions;
    private final OperationKinds operations = new OperationKinds(GraphQlEngineConfiguration.PARSED_DOCUMENTS);

    private final PersistedDocuments persistedDocuments;

    public SnapshotReads(Transactions transactions, PersistedDocuments persistedDocuments) {
        this.transactions = transactions;
        this.persistedDocuments = persistedDocuments;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // A persisted query names its document by hash only: its kind is that of the document kept for the hash.
        String document = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument())
                ? persistedDocuments.documentNamedBy(request.getExtensions()).orElse(request.getDocument())
                : request.getDocument();
        if (!operations.isQuery(document, request.getOperationName())) {
            return chain.next(request);
        }
        return Mono.deferContextual(context -> {
            Supplier<WebGraphQlResponse> query = () -> chain.next(request).contextWrite(context).block();
            return Mono.fromCallable(() -> mayLag(Callers.of(request, context))
                    ? transactions.readOnlyMayLag(query)
                    : transactions.readOnly(query));
        });
    }

    /**
     * Only a DASHBOARD key's queries may be answered from the read replica (when one is configured): a dashboard
     * shows the fleet as of a moment ago and reads nothing it wrote. A bot reads back the rounds it has just logged
     * and resumes from them, an admin reads back the keys, platforms and rules it has just changed, a predictor its
     * own predictions: their queries read the primary.
     */
    static boolean mayLag(Optional<ApiKey> caller) {
        return caller.map(ApiKey::role).filter(ApiKeyRole.DASHBOARD::equals).isPresent();
    }

    /**
     * Whether a document's operation is a query, kept by document text and operation name: the interceptor runs
     * before graphql-java parses (and {@link ParsedDocumentCache} keeps) the document, and parsing each
     * {@code logRound} again here only to learn it is a mutation would cost what that cache saves.
     */
    static final class OperationKinds {

        private final RecentlyUsed<Operation, Boolean> kinds;

        OperationKinds(int capacity) {
            this.kinds = new RecentlyUsed<>(capacity);
        }

        boolean isQuery(String document, @Nullable String operationName) {
            return kinds.get(new Operation(document, operationName), OperationKinds::parsesAsQuery);
        }

        int size() {
            return kinds.size();
        }

        /** A document that does not parse is left to graphql-java to refuse (not a query here). */
        private static boolean parsesAsQuery(Operation operation) {
            try {
                Document document = Parser.parse(operation.document());
                return document.getDefinitionsOfType(OperationDefinition.class).stream()
                        .filter(definition -> operation.name() == null || operation.name().equals(definition.getName()))
                        .findFirst()
                        .map(definition -> definition.getOperation() == OperationDefinition.Operation.QUERY)
                        .orElse(false);
            } catch (RuntimeException unparsable) {
                return false;
            }
        }

        private record Operation(String document, @Nullable String name) {
        }
    }
}
