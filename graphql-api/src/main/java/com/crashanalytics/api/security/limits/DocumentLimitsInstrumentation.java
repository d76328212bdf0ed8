package com.crashanalytics.api.security.limits;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses documents that are too big to be honest, before anything of them executes:
 * <ul>
 *   <li>before validation (which costs more the more alike fields there are), by counting the document's
 *       aliases and the operation's root fields, so one document cannot carry 1,000 aliased mutations, and by the
 *       size and depth of each operation as written, fragments expanded (graphql-java 26 validates introspection's
 *       depth itself, to 20 levels, and would otherwise answer a deeper one with its own error before this limit);</li>
 *   <li>after validation, by the complexity of the operation as GraphQL will run it.</li>
 * </ul>
 * Each refusal is a BAD_REQUEST error with {@code extensions.limit}, {@code max} and {@code actual}.
 * (The token limit is the parser's own, set by {@link WebSocketLimitsInterceptor}.)
 */
public final class DocumentLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;

    DocumentLimitsInstrumentation(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        Document document = parameters.getDocument();
        check(countAliases(document), limits.maxAliases(), "maxAliases", "GATEWAY_MAX_ALIASES",
                "the document uses %d aliases; at most %d are allowed");
        Map<String, FragmentDefinition> fragments = fragments(document);
        OperationDefinition operation = operationToRun(document, parameters.getExecutionInput().getOperationName());
        if (operation != null) {
            check(countRootFields(operation.getSelectionSet(), fragments, new HashSet<>()),
                    limits.maxRootFields(), "maxRootFields", "GATEWAY_MAX_ROOT_FIELDS",
                    "the operation selects %d root fields; at most %d are allowed in one request");
        }
        // Fragments spread twice in each of n fragments expand to 2^n fields: a few hundred bytes that would take
        // validation and planning minutes and gigabytes. Counted in one pass, for every operation (validation
        // checks them all, not only the one that runs), with the depth as written.
        ExpandedShape expanded = new ExpandedShape(fragments);
        for (OperationDefinition each : document.getDefinitionsOfType(OperationDefinition.class)) {
            Shape shape = expanded.of(each.getSelectionSet());
            check(shape.fields(), limits.maxComplexity(), "maxComplexity", "GATEWAY_MAX_QUERY_COMPLEXITY",
                    "with its fragments expanded the operation selects %d fields; at most %d are allowed");
            check(shape.depth(), limits.maxDepth(), "maxDepth", "GATEWAY_MAX_QUERY_DEPTH",
                    "the query is nested %d levels deep; at most %d are allowed");
        }
        return null;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutableNormalizedOperation operation = parameters.getExecutionContext().getNormalizedQueryTree().get();
        long complexity = complexity(operation, parameters.getExecutionContext().getGraphQLSchema());
        check(complexity, limits.maxComplexity(), "maxComplexity", "GATEWAY_MAX_QUERY_COMPLEXITY",
                "the query's complexity is %d; at most %d is allowed (every field counts 1, and what is under a list "
                        + "with first/last, or under a connection's edges, counts that many times)");
        return null;
    }

    /**
     * Every field counts 1. Under a field with {@code first} or {@code last} (n), what stands for the rows counts n
     * times: everything under a plain list, only the {@code edges} under a connection, whose {@code pageInfo} and
     * {@code totalCount} are answered once per page, not once per row.
     */
    static long complexity(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
        try {
            long complexity = 0;
            for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
                complexity = Math.addExact(complexity, complexity(field, schema));
            }
            return complexity;
        } catch (ArithmeticException beyondLong) {
            return Long.MAX_VALUE; // page sizes multiplied past 2^63: over any limit
        }
    }

    private static long complexity(ExecutableNormalizedField field, GraphQLSchema schema) {
        long pageSize = pageSize(field.getResolvedArguments());
        boolean connection = pageSize > 1 && isConnection(field, schema);
        long complexity = 1;
        for (ExecutableNormalizedField child : field.getChildren()) {
            long times = connection && !child.getName().equals("edges") ? 1 : pageSize;
            complexity = Math.addExact(complexity, Math.multiplyExact(times, complexity(child, schema)));
        }
        return complexity;
    }

    /** A Relay connection: an object (not a list of them) with an {@code edges} field. */
    private static boolean isConnection(ExecutableNormalizedField field, GraphQLSchema schema) {
        GraphQLOutputType type = field.getFieldDefinitions(schema).get(0).getType(); // alike on every object type
        return !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))
                && GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLFieldsContainer container
                && container.getFieldDefinition("edges") != null;
    }

    private static long pageSize(Map<String, Object> arguments) {
        for (String name : List.of("first", "last")) {
            if (arguments.get(name) instanceof Number size && size.longValue() > 0) {
                return size.longValue();
            }
        }
        return 1;
    }

    private static void check(long actual, long max, String limit, String variable, String message) {
        if (actual > max) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .locations(null) // about the whole document
                    .message(String.format(message, actual, max) + " (" + variable + ")")
                    .extensions(Map.of("limit", limit, "max", max, "actual", actual))
                    .build()));
        }
    }

    /** Aliases anywhere in the document, operations and fragments alike, without following spreads. */
    private static int countAliases(Document document) {
        int aliases = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                aliases += countAliases(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                aliases += countAliases(fragment.getSelectionSet());
            }
        }
        return aliases;
    }

    private static int countAliases(@Nullable SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int aliases = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                aliases += (field.getAlias() != null ? 1 : 0) + countAliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment inline) {
                aliases += countAliases(inline.getSelectionSet());
            }
        }
        return aliases;
    }

    /** Root fields as written, fragments at the root expanded (each named fragment once: validation refuses cycles). */
    private static int countRootFields(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments,
                                       Set<String> expanded) {
        if (selections == null) {
            return 0;
        }
        int fields = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field) {
                fields++;
            } else if (selection instanceof InlineFragment inline) {
                fields += countRootFields(inline.getSelectionSet(), fragments, expanded);
            } else if (selection instanceof FragmentSpread spread && expanded.add(spread.getName())
                    && fragments.containsKey(spread.getName())) {
                fields += countRootFields(fragments.get(spread.getName()).getSelectionSet(), fragments, expanded);
            }
        }
        return fields;
    }

    /**
     * A selection set with every fragment spread expanded: how many fields it selects, and how deep it nests them
     * ({@code { bot { botId } }} is 2 fields, 2 deep), as written: a field under {@code @skip} counts too, so the depth
     * is never less than the depth GraphQL runs.
     */
    private record Shape(long fields, int depth) {

        static final Shape EMPTY = new Shape(0, 0);

        /** This shape and another side by side in one selection set. */
        Shape beside(Shape other) {
            long fields = this.fields + other.fields;
            return new Shape(fields < 0 ? Long.MAX_VALUE : fields, Math.max(depth, other.depth));
        }

        /** A field selecting this shape. */
        Shape underAField() {
            return new Shape(fields == Long.MAX_VALUE ? fields : fields + 1, depth + 1);
        }
    }

    /** The {@link Shape} of selection sets, each fragment measured once. */
    private static final class ExpandedShape {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Shape> shapeOfFragment = new java.util.HashMap<>();

        ExpandedShape(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        Shape of(@Nullable SelectionSet selections) {
            if (selections == null) {
                return Shape.EMPTY;
            }
            Shape shape = Shape.EMPTY;
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    shape = shape.beside(of(field.getSelectionSet()).underAField());
                } else if (selection instanceof InlineFragment inline) {
                    shape = shape.beside(of(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    shape = shape.beside(ofFragment(spread.getName()));
                }
            }
            return shape;
        }

        private Shape ofFragment(String name) {
            Shape known = shapeOfFragment.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null) {
                return Shape.EMPTY; // validation reports the unknown fragment
            }
            shapeOfFragment.put(name, Shape.EMPTY); // a cycle adds nothing here; validation refuses it
            Shape shape = of(fragment.getSelectionSet());
            shapeOfFragment.put(name, shape);
            return shape;
        }
    }

    private static Map<String, FragmentDefinition> fragments(Document document) {
        Map<String, FragmentDefinition> fragments = new java.util.HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
        return fragments;
    }

    /** The operation that will run: the named one, or the only one; null when that is ambiguous (validation says so). */
    private static @Nullable OperationDefinition operationToRun(Document document, @Nullable String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(op -> operationName.equals(op.getName())).findFirst().orElse(null);
    }
}
