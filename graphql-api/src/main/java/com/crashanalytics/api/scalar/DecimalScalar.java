package com.crashanalytics.api.scalar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code BigDecimal} scalar for money and multipliers. Parses JSON numbers, strings and literals exactly
 * (never through double when it can be avoided), rejects NaN and infinities, and answers without trailing
 * zeros: a stake stored as 10.00000000 reads as 10.
 */
public final class DecimalScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("BigDecimal")
            .description("An exact decimal number, used for money and multipliers.")
            .coercing(new DecimalCoercing())
            .build();

    private DecimalScalar() {
    }

    private static final class DecimalCoercing implements Coercing<BigDecimal, BigDecimal> {

        @Override
        public BigDecimal serialize(Object output, GraphQLContext context, Locale locale) {
            if (output instanceof BigDecimal decimal) {
                return normalize(decimal);
            }
            if (output instanceof Number number) {
                return normalize(new BigDecimal(number.toString()));
            }
            throw new CoercingSerializeException("not a decimal: " + output.getClass().getSimpleName());
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            try {
                return fromInput(input);
            } catch (IllegalArgumentException e) {
                throw new CoercingParseValueException(e.getMessage());
            }
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof FloatValue floatValue) {
                return floatValue.getValue();
            }
            if (input instanceof IntValue intValue) {
                return new BigDecimal(intValue.getValue());
            }
            if (input instanceof StringValue stringValue) {
                try {
                    return parse(stringValue.getValue());
                } catch (IllegalArgumentException e) {
                    throw new CoercingParseLiteralException(e.getMessage());
                }
            }
            throw new CoercingParseLiteralException("expected a decimal number, got " + input.getClass().getSimpleName());
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return new FloatValue(fromInput(input));
        }

        private static BigDecimal fromInput(Object input) {
            if (input instanceof BigDecimal decimal) {
                return decimal;
            }
            if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
                return BigDecimal.valueOf(((Number) input).longValue());
            }
            if (input instanceof BigInteger integer) {
                return new BigDecimal(integer);
            }
            if (input instanceof Double || input instanceof Float) {
                double value = ((Number) input).doubleValue();
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("expected a finite decimal number, got " + value);
                }
                return new BigDecimal(input.toString());
            }
            if (input instanceof String text) {
                return parse(text);
            }
            throw new IllegalArgumentException("expected a decimal number, got " + input.getClass().getSimpleName());
        }

        private static BigDecimal parse(String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a finite decimal number, got '" + text + "'");
            }
        }

        private static BigDecimal normalize(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
