package com.crashanalytics.api.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitor;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * An argument the schema gives a default value ({@code first: Int = 10}) means that default when a client sends it
 * as null ({@code first: null}, or a variable sent as null), as when it leaves it out. The schema declares these
 * arguments nullable, so graphql-java lets the null through to the controllers, which read most of them as numbers
 * that cannot be null: a client that sent its unset options as nulls got an internal error. One rule for every such
 * argument, in one place, rather than a default written again beside each controller parameter.
 * <p>
 * Only the fields with such an argument get their data fetcher wrapped (when the schema is built); the wrapper reads
 * the defaults from the schema, and only when a null came.
 */
class NullMeansDefault implements DataFetcher<Object> {

    private final DataFetcher<?> fetcher;
    private final List<GraphQLArgument> defaulted;

    private NullMeansDefault(DataFetcher<?> fetcher, List<GraphQLArgument> defaulted) {
        this.fetcher = fetcher;
        this.defaulted = defaulted;
    }

    /** The visitor that wraps the data fetcher of every field with a nullable argument that has a default value. */
    static GraphQLTypeVisitor visitor() {
        return new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                                TraverserContext<GraphQLSchemaElement> context) {
                List<GraphQLArgument> defaulted = field.getArguments().stream()
                        .filter(argument -> argument.hasSetDefaultValue()
                                && !(argument.getType() instanceof GraphQLNonNull))
                        .toList();
                if (!defaulted.isEmpty() && context.getParentNode() instanceof GraphQLObjectType parent) {
                    GraphQLCodeRegistry.Builder codeRegistry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
                    DataFetcher<?> fetcher = codeRegistry.getDataFetcher(coordinates, field);
                    codeRegistry.dataFetcher(coordinates, fetcher instanceof SelfDescribingDataFetcher<?> described
                            ? new SelfDescribing(described, defaulted) : new NullMeansDefault(fetcher, defaulted));
                }
                return TraversalControl.CONTINUE;
            }
        };
    }

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
        Map<String, Object> arguments = environment.getArguments();
        @Nullable List<GraphQLArgument> sentAsNull = null; // most requests send none: no list made for them
        for (GraphQLArgument argument : defaulted) {
            if (arguments.containsKey(argument.getName()) && arguments.get(argument.getName()) == null) {
                sentAsNull = sentAsNull == null ? new ArrayList<>(defaulted.size()) : sentAsNull;
                sentAsNull.add(argument);
            }
        }
        if (sentAsNull == null) {
            return fetcher.get(environment);
        }
        Map<String, Object> withDefaults = new LinkedHashMap<>(arguments);
        // the values graphql-java gives these arguments when they are left out: their defaults, coerced
        withDefaults.putAll(ValuesResolver.getArgumentValues(sentAsNull, List.of(), CoercedVariables.emptyVariables(),
                environment.getGraphQlContext(), environment.getLocale()));
        return fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
                .arguments(withDefaults).build());
    }

    /** The same for a controller's data fetcher, which keeps describing itself to Spring for GraphQL. */
    private static final class SelfDescribing extends NullMeansDefault implements SelfDescribingDataFetcher<Object> {

        private final SelfDescribingDataFetcher<?> described;

        SelfDescribing(SelfDescribingDataFetcher<?> described, List<GraphQLArgument> defaulted) {
            super(described, defaulted);
            this.described = described;
        }

        @Override
        public String getDescription() {
            return described.getDescription();
        }

        @Override
        public ResolvableType getReturnType() {
            return described.getReturnType();
        }

        @Override
        public Map<String, ResolvableType> getArguments() {
            return described.getArguments();
        }

        @Override
        public Method asMethod() {
            return described.asMethod();
        }

        @Override
        public boolean usesDataLoader() {
            return described.usesDataLoader();
        }
    }
}
