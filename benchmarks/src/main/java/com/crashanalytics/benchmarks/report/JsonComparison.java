package com.crashanalytics.benchmarks.report;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two JSON documents as values: numbers by their decimal value (10, 10.0 and 10.00000000 are equal, as a
 * BigDecimal scalar and a numeric column print them differently), objects by their members in any order, arrays in
 * order. Answers the path of the first difference, to say where a baseline and the gateway disagree.
 */
public final class JsonComparison {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonComparison() {
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** Where the two differ, or empty when they are the same document. */
    public static Optional<String> difference(JsonNode expected, JsonNode actual) {
        return difference("$", expected, actual, false);
    }

    /** Where {@code actual} differs from {@code expected} in a member {@code expected} has (others are ignored). */
    public static Optional<String> differenceIn(JsonNode expected, JsonNode actual) {
        return difference("$", expected, actual, true);
    }

    private static Optional<String> difference(String path, JsonNode expected, JsonNode actual, boolean subset) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : Optional.of(path + ": " + expected + " vs " + actual);
        }
        if (expected.isObject() && actual.isObject()) {
            if (!subset && expected.size() != actual.size()) {
                return Optional.of(path + ": members " + names(expected) + " vs " + names(actual));
            }
            for (Map.Entry<String, JsonNode> member : expected.properties()) {
                JsonNode other = actual.get(member.getKey());
                if (other == null) {
                    return Optional.of(path + "." + member.getKey() + ": missing");
                }
                Optional<String> inner = difference(path + "." + member.getKey(), member.getValue(), other, subset);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return Optional.of(path + ": " + expected.size() + " elements vs " + actual.size());
            }
            for (int i = 0; i < expected.size(); i++) {
                Optional<String> inner = difference(path + "[" + i + "]", expected.get(i), actual.get(i), subset);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty() : Optional.of(path + ": " + expected + " vs " + actual);
    }

    private static String names(JsonNode object) {
        StringBuilder names = new StringBuilder("[");
        for (Iterator<String> it = object.propertyNames().iterator(); it.hasNext(); ) {
            names.append(it.next()).append(it.hasNext() ? ", " : "");
        }
        return names.append(']').toString();
    }
}
