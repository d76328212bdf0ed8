package com.crashanalytics.domain.common.paging;

import com.crashanalytics.domain.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list to read: at most {@code first} rows, strictly after the cursor {@code after} (from the start
 * when absent), in the list's order and direction.
 *
 * @param first how many rows at most, 0 to {@link #MAX_SIZE} (0 answers no rows, only whether there are any)
 * @param after where the previous page ended, decoded and checked against {@code order} and {@code direction}
 */
public record PageRequest(int first, @Nullable Cursor after, SortDirection direction, SortOrder order) {

    /** Rows a page holds when the client does not say. */
    public static final int DEFAULT_SIZE = 100;
    /** The most rows one page may hold: enough for any table on a screen, few enough to answer in milliseconds. */
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (first < 0 || first > MAX_SIZE) {
            throw new IllegalArgumentException("first must be 0 to " + MAX_SIZE + ", got " + first);
        }
        if (after != null && (!after.order().equals(order) || after.direction() != direction)) {
            throw new IllegalArgumentException("the cursor belongs to another list or direction");
        }
    }

    /** The first page of a list, of the default size. */
    public static PageRequest firstPage(SortOrder order, SortDirection direction) {
        return new PageRequest(DEFAULT_SIZE, null, direction, order);
    }

    /**
     * A page as a client asked for it, or null after adding to {@code violations} what is wrong with the request,
     * under the argument names {@code first} and {@code after}.
     */
    public static @Nullable PageRequest of(@Nullable Integer first, @Nullable String after,
                                           @Nullable SortDirection direction, SortOrder order, Violations violations) {
        Violations found = new Violations();
        int size = first == null ? DEFAULT_SIZE : first;
        found.check(size >= 0, "first", "NON_NEGATIVE", "must not be negative (got " + size + ")");
        found.check(size <= MAX_SIZE, "first", "MAX_PAGE_SIZE", "must be at most " + MAX_SIZE
                + " (got " + size + "); page through longer lists with the cursor pageInfo.endCursor as after");
        SortDirection way = direction == null ? SortDirection.ASC : direction;
        Cursor cursor = null;
        if (after != null) {
            try {
                cursor = Cursor.decode(after, order, way);
            } catch (IllegalArgumentException invalid) {
                found.add("after", "VALID_CURSOR", invalid.getMessage()
                        + "; pass the endCursor or an edge's cursor of the same list, or leave after out to start over");
            }
        }
        violations.addAll(found.list());
        return found.isEmpty() ? new PageRequest(size, cursor, way, order) : null;
    }

    /** How many rows to fetch: one more than the page holds, to learn whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }
}
