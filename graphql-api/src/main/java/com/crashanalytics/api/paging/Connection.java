package com.crashanalytics.api.paging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import com.crashanalytics.domain.common.paging.Cursor;
import com.crashanalytics.domain.common.paging.ListFilter;
import com.crashanalytics.domain.common.paging.ListQuery;
import com.crashanalytics.domain.common.paging.Page;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

/**
 * A Relay connection: the GraphQL {@code XConnection} types. Built from a domain {@link Page}; the total is counted
 * only when a client asks for {@code totalCount}, through {@link Counter}, so a page costs no count it does not
 * show. (The name ends in "Connection", so Spring's connection adapter passes it through untouched.)
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Counter counter) {

    public static <T> Connection<T> of(Page<T> page, Counter counter) {
        List<Edge<T>> edges = page.edges().stream()
                .map(edge -> new Edge<>(edge.node(), edge.cursor()))
                .toList();
        return new Connection<>(edges, new PageInfo(page.hasNextPage(), page.hasPreviousPage(),
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), counter);
    }

    /**
     * The connection of one parent's children (e.g. the rounds of a session): its page through the {@code pages}
     * DataLoader, its total through the DataLoader named {@code countLoader}, each batched with the other parents'.
     */
    public static <F extends ListFilter, T> CompletableFuture<Connection<T>> ofChildren(
            DataLoader<ChildPage<F>, Page<T>> pages, String countLoader, String parentId, ListQuery<F> query) {
        return ofChildPage(pages.load(new ChildPage<>(parentId, query)), countLoader, parentId, query.filter());
    }

    /** A nested list whose page a loader of the caller's own is reading; counted through the count loader. */
    public static <F extends ListFilter, T> CompletableFuture<Connection<T>> ofChildPage(
            CompletableFuture<Page<T>> page, String countLoader, String parentId, F filter) {
        Counter counter = Counter.batched(countLoader, new ChildCount<>(parentId, filter));
        return page.thenApply(loaded -> of(loaded, counter));
    }

    /**
     * A row of the list and the place just after it. The token is made when a client asks for the edge's
     * {@code cursor}: a dashboard reading thousands of rows without their cursors made one per row (0.6 % of its CPU).
     */
    public record Edge<T>(T node, Cursor position) {

        /** The opaque token of {@link #position}, which {@code after} takes back. */
        public String cursor() {
            return position.encode();
        }
    }

    /** Where the page stands in its list. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
                           @Nullable String endCursor) {
    }

    /** Counts the whole list (every page) when asked: directly for a root list, through a DataLoader for nested ones. */
    @FunctionalInterface
    public interface Counter {

        CompletableFuture<Long> count(DataFetchingEnvironment environment);

        /** A root list's count: one statement, run when asked. */
        static Counter direct(LongSupplier count) {
            return environment -> CompletableFuture.completedFuture(count.getAsLong());
        }

        /** A nested list's count, batched with its siblings' through the named DataLoader. */
        static Counter batched(String loaderName, Object key) {
            return environment -> environment.<Object, Long>getDataLoader(loaderName).load(key);
        }
    }
}
