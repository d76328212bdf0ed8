package com.crashanalytics.simulator.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds a mutation's {@code input} variable. Absent values are left out rather than sent as null; decimals go as
 * plain strings (exact, never a float, never {@code 1E+3}); instants as ISO-8601.
 */
final class GraphQlInput {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    GraphQlInput put(String field, @Nullable Object value) {
        if (value != null) {
            fields.put(field, wireValue(value));
        }
        return this;
    }

    Map<String, Object> toMap() {
        return fields;
    }

    private static Object wireValue(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value;
    }
}
