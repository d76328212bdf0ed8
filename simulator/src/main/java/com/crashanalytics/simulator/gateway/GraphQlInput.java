package com.crashanalytics.simulator.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds a mutation's {@code input} variable. Absent values are left out rather than sent as null; decimals go as
 * plain strings without trailing zeros (exact, never a float, never {@code 1E+3}); instants as ISO-8601; enums by name; nested inputs and
 * lists of them as JSON objects and arrays.
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
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof GraphQlInput nested) {
            return nested.toMap();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GraphQlInput::wireValue).toList();
        }
        return value;
    }
}
