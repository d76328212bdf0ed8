package com.crashanalytics.api.error;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.idl.TypeInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * NaN, Infinity and numbers too large for a double are refused while graphql-java coerces the variables, before
 * any resolver runs, and graphql-java's error then says only "Variable 'input' has an invalid value". When a
 * request fails that way, this finds the offending fields by walking the variables along their schema types and
 * answers one error per field, shaped like every other input error: {@code extensions.field} (e.g.
 * {@code input.stakeValue}), {@code extensions.rule} = FINITE_NUMBER, classification BAD_REQUEST. Requests that
 * succeed are not inspected.
 */
@Component
public class NonFiniteNumberErrors implements WebGraphQlInterceptor {

    private static final String RULE = "FINITE_NUMBER";

    private final ObjectProvider<GraphQlSource> graphQlSource;

    public NonFiniteNumberErrors(ObjectProvider<GraphQlSource> graphQlSource) {
        this.graphQlSource = graphQlSource;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.isValid() || response.getErrors().stream().noneMatch(NonFiniteNumberErrors::isVariableError)) {
                return response;
            }
            List<GraphQLError> located = locate(request);
            if (located.isEmpty()) {
                return response;
            }
            return response.transform(builder -> builder.errors(located));
        });
    }

    private static boolean isVariableError(org.springframework.graphql.ResponseError error) {
        return error.getMessage() != null && error.getMessage().startsWith("Variable '");
    }

    private List<GraphQLError> locate(WebGraphQlRequest request) {
        List<GraphQLError> errors = new ArrayList<>();
        try {
            GraphQLSchema schema = graphQlSource.getObject().schema();
            Document document = Parser.parse(request.getDocument());
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                if (request.getOperationName() != null && !request.getOperationName().equals(operation.getName())) {
                    continue;
                }
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    GraphQLType type = schema.getType(TypeInfo.typeInfo(variable.getType()).getName());
                    if (type == null) {
                        continue;
                    }
                    walk(wrap(type, variable.getType()), request.getVariables().get(variable.getName()),
                            variable.getName(), errors);
                }
            }
        } catch (RuntimeException unparsable) {
            return List.of(); // graphql-java's own error stands
        }
        return errors;
    }

    private static GraphQLType wrap(GraphQLType named, graphql.language.Type<?> declared) {
        if (declared instanceof graphql.language.NonNullType nonNull) {
            return GraphQLNonNull.nonNull(wrap(named, nonNull.getType()));
        }
        if (declared instanceof graphql.language.ListType list) {
            return GraphQLList.list(wrap(named, list.getType()));
        }
        return named;
    }

    private static void walk(GraphQLType type, Object value, String path, List<GraphQLError> errors) {
        if (value == null) {
            return;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            walk(nonNull.getWrappedType(), value, path, errors);
        } else if (type instanceof GraphQLList list && value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(list.getWrappedType(), items.get(i), path + "[" + i + "]", errors);
            }
        } else if (type instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            fields.forEach((name, field) -> {
                var definition = object.getField(String.valueOf(name));
                if (definition != null) {
                    walk(definition.getType(), field, path + "." + name, errors);
                }
            });
        } else if (type instanceof GraphQLNamedType named && isNumeric(named) && !isFinite(named.getName(), value)) {
            errors.add(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .message(path + ": must be a finite number (got " + value + ")")
                    .extensions(Map.of("field", path, "rule", RULE))
                    .build());
        }
    }

    private static boolean isNumeric(GraphQLNamedType type) {
        return type instanceof GraphQLInputType && List.of("BigDecimal", "Float", "Int", "Long").contains(type.getName());
    }

    /** A BigDecimal may be as large as it likes (the domain then names the digits it may have); a Float may not. */
    private static boolean isFinite(String typeName, Object value) {
        if (value instanceof BigDecimal decimal) {
            return !typeName.equals("Float") || !Double.isInfinite(decimal.doubleValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return !Double.isNaN(number) && !Double.isInfinite(number);
        }
        if (value instanceof Number) {
            return true;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            return !trimmed.equalsIgnoreCase("NaN") && !trimmed.matches("(?i)[+-]?inf(inity)?");
        }
        return true;
    }
}
