package com.crashanalytics.api.round;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/** Selections as graphql-java hands them to a data fetcher, built by hand for the readings' unit tests. */
final class Selections {

    private Selections() {
    }

    /** A selection whose immediate fields are these. */
    static DataFetchingFieldSelectionSet of(List<SelectedField> immediate) {
        return (DataFetchingFieldSelectionSet) Proxy.newProxyInstance(Selections.class.getClassLoader(),
                new Class<?>[] {DataFetchingFieldSelectionSet.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getImmediateFields")) {
                        return immediate;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Fields of these names with nothing selected below them. */
    static List<SelectedField> names(Collection<String> names) {
        return names.stream().map(name -> selected(name, List.of())).toList();
    }

    static SelectedField selected(String name, List<SelectedField> below) {
        return (SelectedField) Proxy.newProxyInstance(Selections.class.getClassLoader(),
                new Class<?>[] {SelectedField.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getSelectionSet" -> of(below);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
