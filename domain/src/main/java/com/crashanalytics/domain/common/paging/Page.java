package com.crashanalytics.domain.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its rows, each with the cursor that points just after it, and whether more rows follow.
 *
 * @param hasPreviousPage whether the page starts after a cursor: rows are never deleted, so the row the cursor
 *                        points at (and maybe more) lies before this page
 */
public record Page<T>(List<Edge<T>> edges, boolean hasNextPage, boolean hasPreviousPage) {

    public Page {
        edges = List.copyOf(edges);
    }

    /** An empty page of a list that has no rows (after the request's cursor). */
    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), false, request.after() != null);
    }

    /**
     * The page made of the rows a query fetched for the request: at most {@link PageRequest#fetchSize()} rows in the
     * list's order, the extra row only telling that another page follows.
     */
    public static <T> Page<T> of(List<Keyed<T>> fetched, PageRequest request) {
        List<Edge<T>> edges = new ArrayList<>(Math.min(fetched.size(), request.first()));
        for (Keyed<T> row : fetched.subList(0, Math.min(fetched.size(), request.first()))) {
            edges.add(new Edge<>(row.node(), new Cursor(request.order(), request.direction(), row.key())));
        }
        return new Page<>(edges, fetched.size() > request.first(), request.after() != null);
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    /** The same page with its nodes converted; cursors stay. */
    public <R> Page<R> map(Function<T, R> convert) {
        return new Page<>(edges.stream().map(edge -> new Edge<>(convert.apply(edge.node()), edge.cursor())).toList(),
                hasNextPage, hasPreviousPage);
    }

    /** A row and the cursor just after it. */
    public record Edge<T>(T node, Cursor cursor) {
    }

    /** A row as fetched, with the values of its sort key. */
    public record Keyed<T>(T node, List<Object> key) {
    }
}
