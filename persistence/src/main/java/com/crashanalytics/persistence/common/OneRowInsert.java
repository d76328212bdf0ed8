package com.crashanalytics.persistence.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code INSERT INTO table (columns) VALUES (row)} with nothing after its one parenthesised row, in its parts: what
 * {@link Batches} sends once with a row per row, and what {@link CopyLines} sends as a COPY when every value of the
 * row is a placeholder.
 *
 * @param head    the statement up to its row ({@code INSERT INTO table (columns) VALUES })
 * @param table   the table's name as written
 * @param columns the column list as written, without its parentheses
 * @param row     the row, its parentheses included
 */
record OneRowInsert(String head, String table, String columns, String row) {

    private static final Pattern SHAPE =
            Pattern.compile("(?is)\\s*INSERT\\s+INTO\\s+([^()]+?)\\s*\\(([^()]*)\\)\\s*VALUES\\s*(\\(.*\\))\\s*");

    /**
     * The parts of {@code sql} if it is such an insert; empty for anything else, and for a row that is not one group
     * (an {@code ON CONFLICT} or {@code RETURNING} after it) or holds quoted text (which could hold parentheses).
     */
    static Optional<OneRowInsert> of(String sql) {
        Matcher parts = SHAPE.matcher(sql);
        if (!parts.matches() || !isOneParenthesizedGroup(parts.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new OneRowInsert(sql.substring(0, parts.start(3)), parts.group(1), parts.group(2),
                parts.group(3)));
    }

    /** The row's values, split at its top-level commas and trimmed. */
    List<String> values() {
        return topLevelItems(row.substring(1, row.length() - 1));
    }

    /** The column names as written, trimmed. */
    List<String> columnNames() {
        return topLevelItems(columns);
    }

    private static List<String> topLevelItems(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                items.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(list.substring(start).strip());
        return items;
    }

    /** True when the text opens a parenthesis at its start that closes at its end, and is not two groups. */
    private static boolean isOneParenthesizedGroup(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                return false; // quoted text could hold parentheses; such statements are sent once per row
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i < text.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }
}
