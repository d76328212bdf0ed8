package com.crashanalytics.api.error;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
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
 * Variables whose values do not fit their types (a string for an Int, NaN or Infinity for a number, an unknown enum
 * value or input field, a required field missing) are refused while graphql-java coerces them, before any resolver
 * runs, and graphql-java's error then says only "Variable 'input' has an invalid value" as a ValidationError. When
 * a request fails that way, this finds the offending fields by walking the variables along their schema types and
 * answers one error per field, shaped like every other input error: classification BAD_REQUEST,
 * {@code extensions.field} (e.g. {@code input.stakeValue}) and {@code extensions.rule} (TYPE, FINITE_NUMBER,
 * ENUM_VALUE, UNKNOWN_FIELD, REQUIRED). So a client tells "the data I sent is wrong" (BAD_REQUEST, fix the value)
 * from "the document I wrote is wrong" (InvalidSyntax, ValidationError) by the classification alone. Requests that
 * succeed are not inspected.
 */
@Component
public class VariableValueErrors implements WebGraphQlInterceptor {

    private static final String RULE = "FINITE_NUMBER";

    private final ObjectProvider<GraphQlSource> graphQlSource;

    public VariableValueErrors(ObjectProvider<GraphQlSource> graphQlSource) {
        this.graphQlSource = graphQlSource;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.isValid() || response.getErrors().stream().noneMatch(VariableValueErrors::isVariableError)) {
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
        // graphql-java's words for a variable that could not be coerced ("Variable 'input' has an invalid value",
        // "The variables input contains a field name 'x' that is not defined ...").
        return error.getMessage() != null
                && (error.getMessage().startsWith("Variable '") || error.getMessage().startsWith("The variables input"));
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
            if (type instanceof GraphQLNonNull) {
                errors.add(error(path, "REQUIRED", path + ": is required and may not be null"));
            }
            return;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            walk(nonNull.getWrappedType(), value, path, errors);
        } else if (type instanceof GraphQLList list) {
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    walk(list.getWrappedType(), items.get(i), path + "[" + i + "]", errors);
                }
            } else {
                walk(list.getWrappedType(), value, path, errors); // a single value stands for a list of one
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> fields)) {
                errors.add(error(path, "TYPE", path + ": must be an object of type " + object.getName()));
                return;
            }
            fields.forEach((name, field) -> {
                var definition = object.getField(String.valueOf(name));
                if (definition == null) {
                    errors.add(error(path + "." + name, "UNKNOWN_FIELD",
                            path + "." + name + ": " + object.getName() + " has no field " + name));
                } else {
                    walk(definition.getType(), field, path + "." + name, errors);
                }
            });
            for (var definition : object.getFieldDefinitions()) {
                if (definition.getType() instanceof GraphQLNonNull && !definition.hasSetDefaultValue()
                        && !fields.containsKey(definition.getName())) {
                    errors.add(error(path + "." + definition.getName(), "REQUIRED",
                            path + "." + definition.getName() + ": is required"));
                }
            }
        } else if (type instanceof GraphQLNamedType named && isNumeric(named) && !isFinite(named.getName(), value)) {
            errors.add(error(path, RULE, path + ": must be a finite number (got " + value + ")"));
        } else if (type instanceof GraphQLEnumType enumType) {
            if (enumType.getValue(String.valueOf(value)) == null) {
                errors.add(error(path, "ENUM_VALUE", path + ": must be one of " + enumType.getValues().stream()
                        .map(GraphQLEnumValueDefinition::getName).toList() + " (got " + value + ")"));
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
            } catch (RuntimeException notThatType) {
                errors.add(error(path, "TYPE", path + ": must be a " + scalar.getName() + " (got " + describe(value) + ")"
                        + (notThatType.getMessage() == null ? "" : ": " + notThatType.getMessage())));
            }
        }
    }

    private static GraphQLError error(String path, String rule, String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(message)
                .extensions(Map.of("field", path, "rule", rule))
                .build();
    }

    private static String describe(Object value) {
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
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
