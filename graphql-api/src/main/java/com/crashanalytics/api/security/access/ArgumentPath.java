package com.crashanalytics.api.security.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where in a root field's arguments a policy finds ids: dot-separated names, {@code []} after a name whose value
 * is a list, e.g. {@code botId}, {@code input.botId}, {@code input.rounds[].botId}, {@code input.botIds[]}.
 */
public record ArgumentPath(String text, List<Step> steps) {

    /** One name in the path, and whether its value is a list to fan out over. */
    public record Step(String name, boolean list) {
    }

    public static ArgumentPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            boolean list = part.endsWith("[]");
            String name = list ? part.substring(0, part.length() - 2) : part;
            if (!name.matches("[_A-Za-z][_0-9A-Za-z]*")) {
                throw new IllegalArgumentException("not an argument path: '" + text + "' (e.g. input.rounds[].botId)");
            }
            steps.add(new Step(name, list));
        }
        return new ArgumentPath(text, List.copyOf(steps));
    }

    /**
     * Every value at this path, as text. A value that is missing where the path expects one (an absent argument,
     * a list element without the field) is reported as null, so a caller can tell "names no bot" from "names
     * these bots".
     */
    public List<String> valuesIn(Map<String, Object> arguments) {
        List<Object> current = new ArrayList<>();
        current.add(arguments);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>();
            for (Object node : current) {
                Object value = node instanceof Map<?, ?> map ? map.get(step.name()) : null;
                if (step.list() && value instanceof Collection<?> elements) {
                    next.addAll(elements);
                } else if (!step.list()) {
                    next.add(value);
                } else if (value != null) {
                    next.add(value); // a single value where a list was declared: GraphQL's list coercion
                }
            }
            current = next;
        }
        return current.stream().map(value -> value == null ? null : value.toString()).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
