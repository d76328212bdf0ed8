package com.crashanalytics.api.paging;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.crashanalytics.domain.common.paging.ListFilter;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Registers the DataLoaders of nested fields: every parent of a level is answered by one call of a read model (one
 * SQL statement), never one per parent. Loaders are keyed by ids, so parents sharing a child (200 rounds of 10
 * sessions) ask for it once.
 *
 * <p>The one way to DataLoaders: a read controller registers its loaders here, in its constructor, under a name;
 * a {@code @SchemaMapping} method reaches one by declaring a {@code DataLoader} parameter of that name (Spring for
 * GraphQL resolves it by name). No {@code @BatchMapping}, no {@code environment.getDataLoader}: the exceptions are
 * {@link Connection.Counter}, which counts a nested list later, when {@code totalCount} is asked, and the plain data
 * fetchers of a round's fields ({@code RoundWiring}), which skip Spring's per-call handler for 2,000 rounds a page.
 */
public final class BatchLoaders {

    private BatchLoaders() {
    }

    /** Nodes by id (e.g. the session of each round); ids that match nothing answer null. */
    public static <K, V> void byId(BatchLoaderRegistry registry, String name, Function<Collection<K>, List<V>> load,
                                   Function<V, K> idOf) {
        registry.<K, V>forName(name).registerMappedBatchLoader((ids, environment) -> Mono.fromSupplier(() ->
                load.apply(ids).stream().collect(Collectors.toMap(idOf, Function.identity()))));
    }

    /** A value of each key (e.g. the status of each bot); keys the read model leaves out answer null. */
    public static <K, V> void valuesByKey(BatchLoaderRegistry registry, String name,
                                          Function<Collection<K>, Map<K, V>> load) {
        registry.<K, V>forName(name).registerMappedBatchLoader((keys, environment) ->
                Mono.fromSupplier(() -> load.apply(keys)));
    }

    /** The children of each key (e.g. the signals of each round); the read model answers an empty list for none. */
    public static <K, V> void listsByKey(BatchLoaderRegistry registry, String name,
                                         Function<Collection<K>, Map<K, List<V>>> load) {
        registry.<K, List<V>>forName(name).registerMappedBatchLoader((keys, environment) ->
                Mono.fromSupplier(() -> load.apply(keys)));
    }

    /**
     * A page of each parent's children (e.g. the sessions of each bot). Parents asked with the same query, the usual
     * case, share one statement; a document asking the same field with other arguments adds one per distinct query.
     */
    public static <F extends ListFilter, V> void pagesOfParents(
            BatchLoaderRegistry registry, String name,
            BiFunction<Collection<String>, ListQuery<F>, Map<String, Page<V>>> load) {
        BatchLoaders.<ChildPage<F>, ListQuery<F>, String, Page<V>>byArguments(registry, name, ChildPage::query,
                ChildPage::parentId, load);
    }

    /** How many children each parent has under a filter, one statement per distinct filter. */
    public static <F extends ListFilter> void countsOfParents(
            BatchLoaderRegistry registry, String name, BiFunction<Collection<String>, F, Map<String, Long>> count) {
        BatchLoaders.<ChildCount<F>, F, String, Long>byArguments(registry, name, ChildCount::filter,
                ChildCount::parentId,
                count);
    }

    /**
     * A value of each key that pairs a subject with a field's arguments (e.g. a bot and a window, a session and a
     * page query, a round and the fields of its signals a document shows). Keys that share their arguments are read
     * together, so a request costs one statement per distinct set of arguments, whatever the number of parents;
     * subjects the read model leaves out answer null.
     *
     * @param argumentsOf what keys must share to be read in one statement
     * @param subjectOf   the subject of a key (a bot id, a strategy name, a round's key, ...)
     * @param load        reads the distinct subjects of a batch with their shared arguments, by subject
     */
    public static <K, A, S, V> void byArguments(BatchLoaderRegistry registry, String name, Function<K, A> argumentsOf,
                                                Function<K, S> subjectOf,
                                                BiFunction<Collection<S>, A, Map<S, V>> load) {
        registry.<K, V>forName(name).registerMappedBatchLoader((keys, environment) ->
                Mono.fromSupplier(() -> perGroup(keys, argumentsOf, subjectOf, load)));
    }

    private static <K, G, S, V> Map<K, V> perGroup(Set<K> keys, Function<K, G> groupOf, Function<K, S> subjectOf,
                                                   BiFunction<Collection<S>, G, Map<S, V>> load) {
        Map<K, V> answers = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(groupOf)).forEach((group, members) -> {
            Map<S, V> bySubject = load.apply(members.stream().map(subjectOf).distinct().toList(), group);
            members.forEach(key -> answers.put(key, bySubject.get(subjectOf.apply(key))));
        });
        return answers;
    }
}
