package com.crashanalytics.api.transaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import org.jspecify.annotations.Nullable;

/**
 * A query's complexity as {@code DocumentLimitsInstrumentation} counts it, read from the document and the request's
 * variables before the query runs: that count is taken from the operation graphql-java normalizes while it executes,
 * inside the read transaction, and {@link LargeQueryTurns} must decide before the transaction begins. Every field
 * counts 1; under a field with {@code first} or {@code last} (n), a connection's {@code edges} (a field selecting
 * {@code edges}: its {@code pageInfo} and {@code totalCount} come once a page) or a plain list's fields count n times.
 *
 * <p>From the document alone it cannot apply {@code @skip}/{@code @include}, merge repeated fields or tell fragments'
 * type conditions apart, so it counts all of them: never less than the count after normalization. A document whose
 * fragments expand past {@link #MOST_FIELDS} fields counts as the largest there is.
 */
final class QueryComplexity {

    /**
     * Fields expanded before a document is taken for the largest there is: over any honest query's (a dashboard's
     * document has a few dozen), and few enough that the count kept for each document {@code SnapshotReads} remembers
     * stays about the size of the document's own parsed form. Past it, a document is large at the default setting
     * (5,000) anyway: each of its fields counts at least 1.
     */
    static final int MOST_FIELDS = 10_000;

    static final QueryComplexity NONE = new QueryComplexity(List.of(), Map.of(), false);

    private final List<CountedField> roots;
    private final Map<String, Value<?>> variableDefaults;
    private final boolean pastMostFields;

    private QueryComplexity(List<CountedField> roots, Map<String, Value<?>> variableDefaults, boolean pastMostFields) {
        this.roots = roots;
        this.variableDefaults = variableDefaults;
        this.pastMostFields = pastMostFields;
    }

    static QueryComplexity of(Document document, OperationDefinition operation) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        Map<String, Value<?>> defaults = new HashMap<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            if (variable.getDefaultValue() != null) {
                defaults.put(variable.getName(), variable.getDefaultValue());
            }
        }
        Expansion expansion = new Expansion(fragments);
        List<CountedField> roots = expansion.fields(operation.getSelectionSet(), new HashSet<>());
        return expansion.expanded > MOST_FIELDS
                ? new QueryComplexity(List.of(), Map.of(), true)
                : new QueryComplexity(roots, defaults, false);
    }

    /** The complexity with these variables; {@link Long#MAX_VALUE} past any count a long holds. */
    long given(Map<String, Object> variables) {
        if (pastMostFields) {
            return Long.MAX_VALUE;
        }
        try {
            long complexity = 0;
            for (CountedField root : roots) {
                complexity = Math.addExact(complexity, root.complexity(variables, variableDefaults));
            }
            return complexity;
        } catch (ArithmeticException beyondLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A field as counted: its name, its page sizes as written ({@code first}, then {@code last}: a number or a
     * variable) and its fields.
     */
    private record CountedField(String name, List<Value<?>> pageSizes, List<CountedField> fields) {

        /** What only a connection selects: then its other fields ({@code pageInfo}, {@code totalCount}) come once. */
        private static final Set<String> CONNECTION_ONLY = Set.of("edges", "pageInfo");

        long complexity(Map<String, Object> variables, Map<String, Value<?>> defaults) {
            long times = pageSize(variables, defaults);
            boolean connection = times > 1 && fields.stream().anyMatch(field -> CONNECTION_ONLY.contains(field.name));
            long complexity = 1;
            for (CountedField field : fields) {
                long countedTimes = connection && !field.name.equals("edges") ? 1 : times;
                complexity = Math.addExact(complexity,
                        Math.multiplyExact(countedTimes, field.complexity(variables, defaults)));
            }
            return complexity;
        }

        /** The first of {@code first} and {@code last} that is a positive number, else 1: as the document limits do. */
        private long pageSize(Map<String, Object> variables, Map<String, Value<?>> defaults) {
            for (Value<?> written : pageSizes) {
                long size = positive(written, variables, defaults);
                if (size > 0) {
                    return size;
                }
            }
            return 1;
        }

        private static long positive(Value<?> written, Map<String, Object> variables, Map<String, Value<?>> defaults) {
            Value<?> size = written;
            if (size instanceof VariableReference variable) {
                if (variables.get(variable.getName()) instanceof Number given) {
                    return given.longValue();
                }
                size = defaults.get(variable.getName());
            }
            if (size instanceof IntValue number && number.getValue().signum() > 0) {
                return number.getValue().bitLength() < Long.SIZE ? number.getValue().longValue() : Long.MAX_VALUE;
            }
            return 0;
        }
    }

    /** The operation's fields with its fragments expanded, counting how many it has made. */
    private static final class Expansion {

        private final Map<String, FragmentDefinition> fragments;
        private int expanded;

        Expansion(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        /** The fields a selection set selects; a fragment spread inside itself (refused by validation) adds none. */
        List<CountedField> fields(@Nullable SelectionSet selections, Set<String> spreadsAbove) {
            List<CountedField> fields = new ArrayList<>();
            if (selections == null) {
                return fields;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (expanded > MOST_FIELDS) {
                    break;
                }
                if (selection instanceof Field field) {
                    expanded++;
                    fields.add(new CountedField(field.getName(), pageSizes(field),
                            fields(field.getSelectionSet(), spreadsAbove)));
                } else if (selection instanceof InlineFragment inline) {
                    fields.addAll(fields(inline.getSelectionSet(), spreadsAbove));
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                        && !spreadsAbove.contains(spread.getName())) {
                    Set<String> spreads = new HashSet<>(spreadsAbove);
                    spreads.add(spread.getName());
                    fields.addAll(fields(fragments.get(spread.getName()).getSelectionSet(), spreads));
                }
            }
            return fields;
        }

        private static List<Value<?>> pageSizes(Field field) {
            List<Value<?>> sizes = new ArrayList<>(2);
            for (String name : List.of("first", "last")) {
                for (Argument argument : field.getArguments()) {
                    if (argument.getName().equals(name)) {
                        sizes.add(argument.getValue());
                    }
                }
            }
            return sizes;
        }
    }
}
