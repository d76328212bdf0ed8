package com.crashanalytics.api.transaction;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.crashanalytics.api.config.GraphQlEngineConfiguration;
import com.crashanalytics.api.config.PersistedDocuments;
import com.crashanalytics.api.config.RecentlyUsed;
import com.crashanalytics.api.security.authentication.Callers;
import com.crashanalytics.domain.access.ApiKey;
import com.crashanalytics.domain.access.ApiKeyRole;
import com.crashanalytics.domain.common.Transactions;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
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
 * are left alone: each use case opens its own transaction. A large query waits for its turn ({@link LargeQueryTurns})
 * before its transaction begins.
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
    private final LargeQueryTurns largeQueries;

    public SnapshotReads(Transactions transactions, PersistedDocuments persistedDocuments,
                         LargeQueryTurns largeQueries) {
        this.transactions = transactions;
        this.persistedDocuments = persistedDocuments;
        this.largeQueries = largeQueries;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // A persisted query names its document by hash only: its kind is that of the document kept for the hash.
        String document = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument())
                ? persistedDocuments.documentNamedBy(request.getExtensions()).orElse(request.getDocument())
                : request.getDocument();
        Shape shape = operations.shapeOf(document, request.getOperationName());
        Kind kind = shape.kind();
        if (kind == Kind.NOT_A_QUERY || kind == Kind.NO_DATA) {
            return chain.next(request);
        }
        return Mono.deferContextual(context -> {
            Supplier<WebGraphQlResponse> query = () -> chain.next(request).contextWrite(context).block();
            // A large query's turn comes before its transaction: waiting, it holds no connection and no snapshot.
            return Mono.fromCallable(() -> largeQueries.answer(shape.complexity().given(request.getVariables()),
                            () -> mayLag(kind, Callers.of(request, context))
                                    ? transactions.readOnlyMayLag(query)
                                    : transactions.readOnly(query)))
                    .onErrorResume(LargeQueryTurns.Busy.class, busy -> Mono.just(LargeQueryRefusal.of(request, busy)));
        });
    }

    /**
     * Only a DASHBOARD key's queries may be answered from the read replica (when one is configured): a dashboard
     * shows the fleet as of a moment ago and reads nothing it wrote. A bot reads back the rounds it has just logged
     * and resumes from them, an admin reads back the keys, platforms and rules it has just changed, a predictor its
     * own predictions: their queries read the primary. So does {@code resume} whoever asks (a supervisor restarting
     * bots may hold a DASHBOARD key): a bot resumed from a lagging copy would send its last rounds again, or worse,
     * start from a stale balance.
     */
    static boolean mayLag(Kind kind, Optional<ApiKey> caller) {
        return kind == Kind.QUERY && caller.map(ApiKey::role).filter(ApiKeyRole.DASHBOARD::equals).isPresent();
    }

    /** What SnapshotReads makes of an operation. */
    enum Kind {
        /** A mutation or subscription (or a document that does not parse): no snapshot here. */
        NOT_A_QUERY,
        /** A query that asks only for meta-fields ({@link #META_FIELDS}): it reads no data, so no snapshot either. */
        NO_DATA,
        /** A query. */
        QUERY,
        /** A query a bot acts on ({@code resume}): read from the primary whoever sends it. */
        QUERY_OF_THE_LATEST
    }

    /**
     * graphql-java answers these from the schema alone, never from a data fetcher of ours: a query made only of them
     * reads no data.
     */
    static final Set<String> META_FIELDS = Set.of("__typename", "__schema", "__type");

    /** Root fields whose answer a bot acts on at once: never read from a copy that may lag. */
    static final Set<String> LATEST_ONLY_ROOT_FIELDS = Set.of("resume");

    /** What SnapshotReads knows of an operation before it runs: its kind and how to count its complexity. */
    record Shape(Kind kind, QueryComplexity complexity) {

        static final Shape NOT_A_QUERY = new Shape(Kind.NOT_A_QUERY, QueryComplexity.NONE);
    }

    /**
     * Whether a document's operation is a query, and its complexity's count, kept by document text and operation name:
     * the interceptor runs before graphql-java parses (and {@link ParsedDocumentCache} keeps) the document, and parsing
     * each {@code logRound} again here only to learn it is a mutation would cost what that cache saves.
     */
    static final class OperationKinds {

        private final RecentlyUsed<Operation, Shape> shapes;

        OperationKinds(int capacity) {
            this.shapes = new RecentlyUsed<>(capacity);
        }

        Kind kindOf(String document, @Nullable String operationName) {
            return shapeOf(document, operationName).kind();
        }

        Shape shapeOf(String document, @Nullable String operationName) {
            return shapes.get(new Operation(document, operationName), OperationKinds::parse);
        }

        boolean isQuery(String document, @Nullable String operationName) {
            return kindOf(document, operationName) != Kind.NOT_A_QUERY;
        }

        int size() {
            return shapes.size();
        }

        /** A document that does not parse is left to graphql-java to refuse (not a query here). */
        private static Shape parse(Operation operation) {
            try {
                Document document = Parser.parse(operation.document());
                return document.getDefinitionsOfType(OperationDefinition.class).stream()
                        .filter(definition -> operation.name() == null || operation.name().equals(definition.getName()))
                        .findFirst()
                        .filter(definition -> definition.getOperation() == OperationDefinition.Operation.QUERY)
                        .map(query -> new Shape(
                                kindOfQuery(rootFields(query.getSelectionSet(), document, new HashSet<>()).toList()),
                                QueryComplexity.of(document, query)))
                        .orElse(Shape.NOT_A_QUERY);
            } catch (RuntimeException unparsable) {
                return Shape.NOT_A_QUERY;
            }
        }

        private static Kind kindOfQuery(List<String> rootFields) {
            if (rootFields.stream().anyMatch(LATEST_ONLY_ROOT_FIELDS::contains)) {
                return Kind.QUERY_OF_THE_LATEST;
            }
            // An empty list is a selection graphql-java refuses (or fragments that name nothing it can resolve):
            // still a QUERY here, as it was.
            return !rootFields.isEmpty() && META_FIELDS.containsAll(rootFields) ? Kind.NO_DATA : Kind.QUERY;
        }

        /** The names of the root fields a selection asks for, through inline fragments and named ones. */
        private static Stream<String> rootFields(SelectionSet selections, Document document, Set<String> fragmentsSeen) {
            return selections.getSelections().stream().flatMap(selection -> {
                if (selection instanceof Field field) {
                    return Stream.of(field.getName());
                }
                if (selection instanceof InlineFragment inline) {
                    return rootFields(inline.getSelectionSet(), document, fragmentsSeen);
                }
                if (selection instanceof FragmentSpread spread && fragmentsSeen.add(spread.getName())) {
                    return document.getDefinitionsOfType(FragmentDefinition.class).stream()
                            .filter(fragment -> fragment.getName().equals(spread.getName()))
                            .flatMap(fragment -> rootFields(fragment.getSelectionSet(), document, fragmentsSeen));
                }
                return Stream.empty();
            });
        }

        private record Operation(String document, @Nullable String name) {
        }
    }
}
