package com.crashanalytics.api.config;

import com.crashanalytics.domain.common.Transactions;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs each query in one read-only transaction on one snapshot of the data. A dashboard's nested query is read level
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

    public SnapshotReads(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!isQuery(request)) {
            return chain.next(request);
        }
        return Mono.deferContextual(context -> Mono.fromCallable(() ->
                transactions.readOnly(() -> chain.next(request).contextWrite(context).block())));
    }

    /** Whether the operation to run is a query; a document that does not parse is left to graphql-java to refuse. */
    private static boolean isQuery(WebGraphQlRequest request) {
        try {
            Document document = Parser.parse(request.getDocument());
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(operation -> request.getOperationName() == null
                            || request.getOperationName().equals(operation.getName()))
                    .findFirst()
                    .map(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY)
                    .orElse(false);
        } catch (RuntimeException unparsable) {
            return false;
        }
    }
}
