package com.crashanalytics.persistence.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
import org.jspecify.annotations.Nullable;
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

    /** Conditions to narrow the list down: each added only when its value is given. */
    public static Where where() {
        return new Where();
    }

    /** A page of the list. */
    public Page<T> page(JdbcClient jdbc, Where where, PageRequest request) {
        checkOrder(request);
        Map<String, Object> parameters = new HashMap<>(where.parameters);
        String sql = "SELECT " + columns + sortKeyColumns() + " FROM " + table + " " + joins
                + " WHERE " + conditions(where, request, parameters)
                + " ORDER BY " + orderBy("", request.direction()) + " LIMIT :fetchSize";
        parameters.put("fetchSize", request.fetchSize());
        return Page.of(jdbc.sql(sql).params(parameters).query(keyedMapper()).list(), request);
    }

    /**
     * The same page of the list for each parent, in one statement: for parents whose rows have
     * {@code parentColumn = parent}. Parents without rows get an empty page.
     */
    public Map<String, Page<T>> pagesOf(JdbcClient jdbc, String parentColumn, Collection<String> parents,
                                        Function<T, String> parentOf, Where where, PageRequest request) {
        checkOrder(request);
        Map<String, Page<T>> pages = new LinkedHashMap<>();
        if (parents.isEmpty()) {
            return pages;
        }
        Map<String, Object> parameters = new HashMap<>(where.parameters);
        String sql = "SELECT page.* FROM unnest(CAST(:parents AS text[]))"
                + " WITH ORDINALITY AS parent(parent_key, parent_position)"
                + " CROSS JOIN LATERAL (SELECT " + columns + sortKeyColumns() + " FROM " + table + " " + joins
                + " WHERE " + conditions(where.with(parentColumn + " = parent.parent_key"), request, parameters)
                + " ORDER BY " + orderBy("", request.direction()) + " LIMIT :fetchSize) AS page"
                + " ORDER BY parent.parent_position, " + orderBy("page.", request.direction());
        parameters.put("parents", parents.toArray(String[]::new));
        parameters.put("fetchSize", request.fetchSize());
        Map<String, List<Page.Keyed<T>>> rows = new HashMap<>();
        jdbc.sql(sql).params(parameters).query(keyedMapper()).list()
                .forEach(row -> rows.computeIfAbsent(parentOf.apply(row.node()), parent -> new ArrayList<>()).add(row));
        for (String parent : parents) {
            pages.put(parent, Page.of(rows.getOrDefault(parent, List.of()), request));
        }
        return pages;
    }

    /** How many rows the conditions select. */
    public long count(JdbcClient jdbc, Where where) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where.sql())
                .params(where.parameters)
                .query(Long.class)
                .single();
    }

    /** For each parent, how many of its rows the conditions select (0 for a parent without any). */
    public Map<String, Long> countsOf(JdbcClient jdbc, String parentColumn, Collection<String> parents, Where where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        parents.forEach(parent -> counts.put(parent, 0L));
        if (parents.isEmpty()) {
            return counts;
        }
        Map<String, Object> parameters = new HashMap<>(where.parameters);
        parameters.put("parents", parents.toArray(String[]::new));
        jdbc.sql("SELECT " + parentColumn + " AS parent_id, count(*) AS row_count FROM " + table
                        + " WHERE " + where.with(parentColumn + " = ANY(CAST(:parents AS text[]))").sql()
                        + " GROUP BY " + parentColumn)
                .params(parameters)
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

    /** The filter's conditions and, after a cursor, "the key comes after the cursor's key" as a row comparison. */
    private String conditions(Where where, PageRequest request, Map<String, Object> parameters) {
        Cursor after = request.after();
        if (after == null) {
            return where.sql();
        }
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            String name = "after_" + (i + 1);
            placeholders.add(":" + name);
            Object value = after.key().get(i);
            parameters.put(name, value instanceof Instant time ? SqlValues.timestamptz(time) : value);
        }
        String comparison = request.direction() == SortDirection.ASC ? " > " : " < ";
        String keyset = keyColumns.size() == 1
                ? keyColumns.get(0) + comparison + placeholders.get(0)
                : "(" + String.join(", ", keyColumns) + ")" + comparison + "(" + String.join(", ", placeholders) + ")";
        return where.and(keyset);
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

    /** Conditions on the list's table, each with its named parameters; all must hold. */
    public static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new HashMap<>();

        private Where() {
        }

        /** {@code column = value}, when the value is given. Enums compare by name. */
        public Where equal(String column, String parameter, @Nullable Object value) {
            if (value != null) {
                add(column + " = :" + parameter, parameter, value instanceof Enum<?> constant ? constant.name() : value);
            }
            return this;
        }

        /** {@code column} is one of the values, when a list is given (an empty list matches nothing). */
        public Where oneOf(String column, String parameter, @Nullable Collection<String> values) {
            if (values != null) {
                add(column + " = ANY(CAST(:" + parameter + " AS text[]))", parameter, values.toArray(String[]::new));
            }
            return this;
        }

        /** {@code column >= from}, when given. */
        public Where notBefore(String column, String parameter, @Nullable Instant from) {
            if (from != null) {
                add(column + " >= :" + parameter, parameter, SqlValues.timestamptz(from));
            }
            return this;
        }

        /** {@code column < to}, when given. */
        public Where before(String column, String parameter, @Nullable Instant to) {
            if (to != null) {
                add(column + " < :" + parameter, parameter, SqlValues.timestamptz(to));
            }
            return this;
        }

        /** Any condition, with its parameters (which must not be null). */
        public Where condition(String sql, Map<String, ?> namedValues) {
            conditions.add(sql);
            parameters.putAll(namedValues);
            return this;
        }

        /** The named parameters of the conditions. */
        public Map<String, Object> parameters() {
            return Map.copyOf(parameters);
        }

        private void add(String condition, String parameter, Object value) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }

        /** The conditions joined with AND ({@code TRUE} when there are none). */
        public String sql() {
            return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        }

        /** These conditions and one more, as SQL. */
        String and(String condition) {
            return conditions.isEmpty() ? condition : sql() + " AND " + condition;
        }

        /** A copy with one more condition first (one without parameters). */
        Where with(String condition) {
            Where copy = new Where();
            copy.conditions.add(condition);
            copy.conditions.addAll(conditions);
            copy.parameters.putAll(parameters);
            return copy;
        }
    }
}
