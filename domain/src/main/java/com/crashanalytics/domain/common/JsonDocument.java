package com.crashanalytics.domain.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Free-form JSON a bot attaches to what it logs: round metadata, strategy parameters, a signal's feature vector,
 * an error's context. Held as the plain tree the JSON parsers produce (maps with string keys, lists, strings,
 * numbers, booleans, nulls). Bounded, because it is stored in every row: at most {@value #MAX_BYTES} bytes of
 * UTF-8 JSON and at most {@value #MAX_DEPTH} levels of nested objects and arrays; measured here by walking the
 * tree, so the limit holds whichever adapter parsed it.
 */
public final class JsonDocument {

    /** 64 KiB of JSON text. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Objects and arrays nested at most this deep ({@code {"a":{"b":1}}} is 2 deep). */
    public static final int MAX_DEPTH = 20;
    /** Numbers PostgreSQL's {@code numeric} (and so {@code jsonb}) can hold, with a wide margin. */
    private static final int MAX_NUMBER_DIGITS = 1000;

    private final Object tree;
    private @Nullable String json;

    private JsonDocument(Object tree) {
        this.tree = tree;
    }

    /** The document of a parsed tree, or null when there is none. Check it with {@link #problemWith}. */
    public static @Nullable JsonDocument of(@Nullable Object tree) {
        return tree == null ? null : new JsonDocument(tree);
    }

    /** Null when the tree is acceptable JSON within the limits, otherwise the broken rule. */
    public @Nullable Violation problemWith(String field) {
        try {
            new Writer(false, false, MAX_DEPTH, MAX_BYTES).write(tree, 0);
            return null;
        } catch (Rejected rejected) {
            return new Violation(field, rejected.rule, rejected.getMessage());
        }
    }

    /** The tree, as the JSON parsers produce it; what a GraphQL {@code JSON} field answers. */
    public Object tree() {
        return tree;
    }

    /** The document as JSON text (keys sorted), for storage. */
    public String json() {
        if (json == null) {
            Writer writer = new Writer(false, false, Integer.MAX_VALUE, Long.MAX_VALUE);
            writer.write(tree, 0);
            json = writer.text();
        }
        return json;
    }

    /**
     * A form of any tree in which equal content reads equal: keys sorted, numbers by value (1.50 and 1.5 alike),
     * no whitespace. Not bounded; used to fingerprint commands, which nest documents.
     */
    public static String canonical(@Nullable Object tree) {
        Writer writer = new Writer(true, false, Integer.MAX_VALUE, Long.MAX_VALUE);
        writer.write(tree, 0);
        return writer.text();
    }

    /**
     * {@link #canonical} of a command's content as {@link Fingerprint} hashes it: besides JSON values, instants
     * (as their ISO-8601 text), enum constants (as their names) and documents (as {@code {"json": tree}}, marked apart
     * from a plain string or number), written as they are met instead of converted first.
     */
    static String canonicalContent(@Nullable Object tree) {
        Writer writer = new Writer(true, true, Integer.MAX_VALUE, Long.MAX_VALUE);
        writer.write(tree, 0);
        return writer.text();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonDocument document && canonical(tree).equals(canonical(document.tree));
    }

    @Override
    public int hashCode() {
        return canonical(tree).hashCode();
    }

    @Override
    public String toString() {
        return json();
    }

    private static final class Rejected extends RuntimeException {
        private final String rule;

        Rejected(String rule, String message) {
            super(message, null, false, false);
            this.rule = rule;
        }
    }

    /**
     * Writes JSON text, enforcing the limits as it goes, so an oversized tree costs no more than the limit. Everything
     * goes straight into one buffer (this runs for every logged round's fingerprint and live event); the UTF-8 size
     * is counted only when there is a limit to enforce.
     */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder(256);
        private final boolean canonicalNumbers;
        private final boolean domainValues;
        private final int maxDepth;
        private final long maxBytes;
        private final boolean bounded;
        private long bytes;

        Writer(boolean canonicalNumbers, boolean domainValues, int maxDepth, long maxBytes) {
            this.canonicalNumbers = canonicalNumbers;
            this.domainValues = domainValues;
            this.maxDepth = maxDepth;
            this.maxBytes = maxBytes;
            this.bounded = maxBytes < Long.MAX_VALUE;
        }

        String text() {
            return out.toString();
        }

        void write(@Nullable Object value, int depth) {
            if (value == null) {
                append("null");
            } else if (value instanceof String text) {
                string(text);
            } else if (value instanceof Boolean flag) {
                append(flag.toString());
            } else if (value instanceof Number number) {
                number(number);
            } else if (value instanceof Map<?, ?> map) {
                object(map, depth + 1);
            } else if (value instanceof List<?> list) {
                array(list, depth + 1);
            } else if (domainValues && value instanceof Instant instant) {
                string(instant.toString());
            } else if (domainValues && value instanceof Enum<?> constant) {
                string(constant.name());
            } else if (domainValues && value instanceof JsonDocument document) {
                append("{\"json\":");
                write(document.tree, depth + 1);
                append("}");
            } else {
                throw new Rejected("JSON_VALUE", "must be JSON (objects, arrays, strings, numbers, booleans, null), got "
                        + value.getClass().getSimpleName());
            }
        }

        private void object(Map<?, ?> map, int depth) {
            enter(depth);
            String[] keys = new String[map.size()];
            int count = 0;
            for (Object key : map.keySet()) {
                if (!(key instanceof String text)) {
                    throw new Rejected("JSON_VALUE", "JSON object keys must be strings");
                }
                keys[count++] = text;
            }
            Arrays.sort(keys);
            append("{");
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    append(",");
                }
                string(keys[i]);
                append(":");
                write(map.get(keys[i]), depth);
            }
            append("}");
        }

        private void array(List<?> list, int depth) {
            enter(depth);
            append("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    append(",");
                }
                write(list.get(i), depth);
            }
            append("]");
        }

        private void enter(int depth) {
            if (depth > maxDepth) {
                throw new Rejected("MAX_DEPTH", "must not nest objects and arrays deeper than " + maxDepth + " levels");
            }
        }

        private void number(Number number) {
            BigDecimal decimal;
            if (number instanceof BigDecimal value) {
                decimal = value;
            } else if (number instanceof BigInteger value) {
                decimal = new BigDecimal(value);
            } else if (number instanceof Double || number instanceof Float) {
                double value = number.doubleValue();
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new Rejected("FINITE_NUMBER", "JSON numbers must be finite (got " + value + ")");
                }
                decimal = new BigDecimal(number.toString());
            } else {
                decimal = BigDecimal.valueOf(number.longValue());
            }
            if (decimal.precision() > MAX_NUMBER_DIGITS || Math.abs((long) decimal.scale()) > MAX_NUMBER_DIGITS) {
                throw new Rejected("JSON_NUMBER_RANGE", "JSON numbers may have at most " + MAX_NUMBER_DIGITS
                        + " digits and an exponent of at most " + MAX_NUMBER_DIGITS);
            }
            append(canonicalNumbers ? canonicalNumber(decimal) : decimal.toString());
        }

        private static String canonicalNumber(BigDecimal value) {
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
        }

        /** A JSON string; the runs of characters that need no escape are copied whole (most text is one run). */
        private void string(String text) {
            int start = out.length();
            out.append('"');
            int run = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\') {
                    continue;
                }
                out.append(text, run, i);
                run = i + 1;
                switch (c) {
                    case '\u0000' -> throw new Rejected("NO_NUL_CHARACTERS",
                            "JSON text must not contain NUL (\\u0000) characters");
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            }
            out.append(text, run, text.length());
            out.append('"');
            counted(start);
        }

        private void append(String text) {
            int start = out.length();
            out.append(text);
            counted(start);
        }

        /** Counts what was written since {@code start} against the limit, when there is one. */
        private void counted(int start) {
            if (!bounded) {
                return;
            }
            bytes += utf8Length(out, start, out.length());
            if (bytes > maxBytes) {
                throw new Rejected("MAX_SIZE", "must be at most " + maxBytes / 1024 + " KiB of JSON");
            }
        }

        private static int utf8Length(CharSequence text, int from, int to) {
            int length = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    length += 1;
                } else if (c < 0x800) {
                    length += 2;
                } else if (Character.isHighSurrogate(c)) {
                    length += 4;
                    i++;
                } else {
                    length += 3;
                }
            }
            return length;
        }
    }
}
