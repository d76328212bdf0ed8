package com.crashanalytics.persistence.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.crashanalytics.domain.common.paging.Cursor;
import com.crashanalytics.domain.common.paging.Page;
import com.crashanalytics.domain.common.paging.PageRequest;
import com.crashanalytics.domain.common.paging.SortDirection;
import com.crashanalytics.domain.common.paging.SortOrder;
import com.crashanalytics.domain.common.paging.SortOrder.KeyPart;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of one list read by keyset: a page is "the rows after this key, in key order, LIMIT first + 1", so it
 * costs an index range scan wherever it starts, never an OFFSET. The same list is read for many parents at once (the
 * sessions of every bot on a page) with one statement: a {@code LATERAL} join runs the page query once per parent,
 * each an index range scan that stops after its own {@code first + 1} rows.
 *
 * <p>Every condition refers to the list's table ({@link #table}) only, so counts need no joins.
 */
public final class KeysetSql<T> {

    private final String columns;
    private final String table;
    private final String joins;
    private final List<String> keyColumns;
    private final SortOrder order;
    private final RowMapper<T> mapper;

    /**
     * @param columns    the select list of a row (every name unique: nested reads select it from a subquery)
     * @param table      the list's table with its alias, e.g. {@code crash_game_rounds r}
     * @param joins      joins that only add columns to a row (one row in, one row out), or ""
     * @param order      the list's order
     * @param keyColumns the columns of the order's key, most significant first, indexed together
     * @param mapper     reads a row's node
     */
    public KeysetSql(String columns, String table, String joins, SortOrder order, List<String> keyColumns,
                     RowMapper<T> mapper) {
        if (keyColumns.size() != order.parts().size()) {
            throw new IllegalArgumentException("the order " + order.name() + " has " + order.parts().size()
                    + " key parts, got columns " + keyColumns);
        }
        this.columns = columns;
        this.table = table;
        this.joins = joins;
        this.order = order;
        this.keyColumns = List.copyOf(keyColumns);
        this.mapper = mapper;
    }

    /** A page of the list. */
    public Page<T> page(JdbcClient jdbc, SqlConditions where, PageRequest request) {
        checkOrder(request);
        SqlConditions conditions = afterCursor(where.copy(), request);
        String sql = SqlTemplate.sql("""
                        SELECT {columns}{sortKeys} FROM {table} {joins}
                        WHERE {where} ORDER BY {order} LIMIT :fetchSize""")
                .with("columns", columns).with("sortKeys", sortKeyColumns()).with("table", table).with("joins", joins)
                .with("where", conditions.sql()).with("order", orderBy("", request.direction()))
                .text();
        return Page.of(conditions.bind(jdbc.sql(sql)).param("fetchSize", request.fetchSize()).query(keyedMapper())
                .list(), request);
    }

    /**
     * The same page of the list for each parent, in one statement: for parents whose rows have
     * {@code parentColumn = parent}. Parents without rows get an empty page.
     */
    public Map<String, Page<T>> pagesOf(JdbcClient jdbc, String parentColumn, Collection<String> parents,
                                        Function<T, String> parentOf, SqlConditions where, PageRequest request) {
        checkOrder(request);
        Map<String, Page<T>> pages = new LinkedHashMap<>();
        if (parents.isEmpty()) {
            return pages;
        }
        SqlConditions conditions = afterCursor(where.copyWithFirst(
                SqlTemplate.sql("{parent} = parent.parent_key").with("parent", parentColumn).text()), request);
        String sql = SqlTemplate.sql("""
                        SELECT page.* FROM unnest(CAST(:parents AS text[]))
                        WITH ORDINALITY AS parent(parent_key, parent_position)
                        CROSS JOIN LATERAL (SELECT {columns}{sortKeys} FROM {table} {joins}
                        WHERE {where} ORDER BY {order} LIMIT :fetchSize) AS page
                        ORDER BY parent.parent_position, {pageOrder}""")
                .with("columns", columns).with("sortKeys", sortKeyColumns()).with("table", table).with("joins", joins)
                .with("where", conditions.sql()).with("order", orderBy("", request.direction()))
                .with("pageOrder", orderBy("page.", request.direction()))
                .text();
        Map<String, List<Page.Keyed<T>>> rows = new HashMap<>();
        conditions.bind(jdbc.sql(sql))
                .param("parents", parents.toArray(String[]::new))
                .param("fetchSize", request.fetchSize())
                .query(keyedMapper()).list()
                .forEach(row -> rows.computeIfAbsent(parentOf.apply(row.node()), parent -> new ArrayList<>()).add(row));
        for (String parent : parents) {
            pages.put(parent, Page.of(rows.getOrDefault(parent, List.of()), request));
        }
        return pages;
    }

    /** How many rows the conditions select. */
    public long count(JdbcClient jdbc, SqlConditions where) {
        String sql = SqlTemplate.sql("SELECT count(*) FROM {table} WHERE {where}")
                .with("table", table).with("where", where.sql())
                .text();
        return where.bind(jdbc.sql(sql)).query(Long.class).single();
    }

    /** For each parent, how many of its rows the conditions select (0 for a parent without any). */
    public Map<String, Long> countsOf(JdbcClient jdbc, String parentColumn, Collection<String> parents,
                                      SqlConditions where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        parents.forEach(parent -> counts.put(parent, 0L));
        if (parents.isEmpty()) {
            return counts;
        }
        SqlConditions conditions = where.copyWithFirst(
                SqlTemplate.sql("{parent} = ANY(CAST(:parents AS text[]))").with("parent", parentColumn).text());
        String sql = SqlTemplate.sql("""
                        SELECT {parent} AS parent_id, count(*) AS row_count FROM {table}
                        WHERE {where} GROUP BY {parent}""")
                .with("parent", parentColumn).with("table", table).with("where", conditions.sql())
                .text();
        conditions.bind(jdbc.sql(sql))
                .param("parents", parents.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> counts.put(rs.getString("parent_id"), rs.getLong("row_count")));
        return counts;
    }

    private void checkOrder(PageRequest request) {
        if (!request.order().equals(order)) {
            throw new IllegalArgumentException("this list is read in order " + order.name() + ", the request pages "
                    + request.order().name());
        }
    }

    private String sortKeyColumns() {
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < keyColumns.size(); i++) {
            select.append(", ").append(keyColumns.get(i)).append(" AS sort_key_").append(i + 1);
        }
        return select.toString();
    }

    private String orderBy(String prefix, SortDirection direction) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            terms.add((prefix.isEmpty() ? keyColumns.get(i) : prefix + "sort_key_" + (i + 1)) + " " + direction.name());
        }
        return String.join(", ", terms);
    }

    /** After a cursor, "the key comes after the cursor's key" as one more condition. */
    private SqlConditions afterCursor(SqlConditions conditions, PageRequest request) {
        Cursor after = request.after();
        return after == null ? conditions : conditions.after(keyColumns, request.direction(), after.key());
    }

    private RowMapper<Page.Keyed<T>> keyedMapper() {
        return (rs, row) -> new Page.Keyed<>(mapper.mapRow(rs, row), key(rs));
    }

    private List<Object> key(ResultSet rs) throws SQLException {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            String column = "sort_key_" + (i + 1);
            KeyPart part = order.parts().get(i);
            key.add(switch (part) {
                case TIME -> SqlValues.instant(rs, column);
                case NUMBER -> rs.getLong(column);
                case UUID -> rs.getObject(column, UUID.class);
            });
        }
        return key;
    }
}
