package com.crashanalytics.api.scalar;

import java.util.Locale;

import com.crashanalytics.domain.common.JsonDocument;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code JSON} scalar: graphql-java-extended-scalars' JSON, which also answers the domain's
 * {@link JsonDocument} as the JSON tree it holds. As input it yields the plain tree (maps, lists, exact decimals).
 */
public final class JsonScalar {

    @SuppressWarnings("unchecked")
    private static final Coercing<Object, Object> JSON = (Coercing<Object, Object>) ExtendedScalars.Json.getCoercing();

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar(ExtendedScalars.Json)
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object output, GraphQLContext context, Locale locale) {
                    return JSON.serialize(output instanceof JsonDocument document ? document.tree() : output,
                            context, locale);
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return JSON.parseValue(input, context, locale);
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    return JSON.parseLiteral(input, variables, context, locale);
                }

                @Override
                public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                    return JSON.valueToLiteral(input instanceof JsonDocument document ? document.tree() : input,
                            context, locale);
                }
            })
            .build();

    private JsonScalar() {
    }
}
