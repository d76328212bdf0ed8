package com.crashanalytics.domain.common.paging;

import java.util.List;

/**
 * How a list is ordered for keyset paging: a name, which every cursor of the list carries so that a cursor of one
 * order is refused by another, and the types of the sort key, most significant first. The key as a whole is unique
 * (it ends in an id, or is a number unique within the parent), so "the rows after this key" is exact.
 *
 * @param name  identifies the order in cursors, e.g. {@code rounds-by-start}
 * @param parts the types of the key's parts
 */
public record SortOrder(String name, List<KeyPart> parts) {

    public SortOrder {
        if (name.isBlank() || name.contains(Cursor.SEPARATOR) || parts.isEmpty()) {
            throw new IllegalArgumentException("an order needs a name without '" + Cursor.SEPARATOR + "' and a key");
        }
        parts = List.copyOf(parts);
    }

    public static SortOrder of(String name, KeyPart... parts) {
        return new SortOrder(name, List.of(parts));
    }

    /** The type of one part of a sort key. */
    public enum KeyPart {
        /** An instant, kept to the microsecond as PostgreSQL keeps it ({@link java.time.Instant}). */
        TIME,
        /** A whole number ({@link Long}). */
        NUMBER,
        /** A row id ({@link java.util.UUID}). */
        UUID
    }
}
