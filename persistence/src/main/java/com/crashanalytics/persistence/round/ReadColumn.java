package com.crashanalytics.persistence.round;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A column a list reads always (its rows' identity, by which they are paged, ordered and found again), or only when
 * its detail is asked for; left out, it is selected as a typed NULL under its own name, so every reading has the same
 * columns and one row mapper.
 *
 * @param <D> the details of the rows read (a round's, a signal's)
 */
record ReadColumn<D extends Enum<D>>(String selected, String name, String type, @Nullable D detail) {

    /** A column read whatever is asked; {@code column} is its name, qualified by the table's alias or not. */
    static <D extends Enum<D>> ReadColumn<D> always(String column) {
        return new ReadColumn<>(column, nameOf(column), "", null);
    }

    /** A column read when its detail is asked for, else a NULL of its type. */
    static <D extends Enum<D>> ReadColumn<D> detail(String column, String type, D detail) {
        return new ReadColumn<>(column, nameOf(column), type, detail);
    }

    /** A JSON column read as its text when its detail is asked for (the row mapper parses it), else a NULL text. */
    static <D extends Enum<D>> ReadColumn<D> jsonAsText(String column, D detail) {
        String name = nameOf(column);
        return new ReadColumn<>(column + "::text AS " + name, name, "text", detail);
    }

    private static String nameOf(String column) {
        return column.substring(column.lastIndexOf('.') + 1);
    }

    /** The columns as selected when these details are asked for. */
    static <D extends Enum<D>> String selected(List<ReadColumn<D>> columns, Set<D> details) {
        return columns.stream().map(column -> column.in(details)).collect(Collectors.joining(", "));
    }

    /** The columns' names, as an insert lists them. */
    static String names(List<? extends ReadColumn<?>> columns) {
        return columns.stream().map(ReadColumn::name).collect(Collectors.joining(", "));
    }

    private String in(Set<D> details) {
        return detail == null || details.contains(detail) ? selected : "NULL::" + type + " AS " + name;
    }
}
