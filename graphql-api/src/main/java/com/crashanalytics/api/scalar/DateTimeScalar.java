package com.crashanalytics.api.scalar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code DateTime} scalar. Answers ISO-8601 in UTC; accepts ISO-8601 with an offset, or epoch milliseconds
 * (what Grafana's GraphQL data sources send for a dashboard's time range). Parses to {@link Instant}.
 */
public final class DateTimeScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 with an offset; as input also epoch milliseconds.")
            .coercing(new DateTimeCoercing())
            .build();

    private DateTimeScalar() {
    }

    private static final class DateTimeCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object output, GraphQLContext context, Locale locale) {
            Instant instant;
            if (output instanceof Instant value) {
                instant = value;
            } else if (output instanceof OffsetDateTime value) {
                instant = value.toInstant();
            } else if (output instanceof ZonedDateTime value) {
                instant = value.toInstant();
            } else {
                throw new CoercingSerializeException("not a date-time: " + output.getClass().getSimpleName());
            }
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            try {
                return fromInput(input);
            } catch (IllegalArgumentException e) {
                throw new CoercingParseValueException(e.getMessage());
            }
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            try {
                if (input instanceof StringValue text) {
                    return parse(text.getValue());
                }
                if (input instanceof IntValue millis) {
                    return Instant.ofEpochMilli(millis.getValue().longValueExact());
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CoercingParseLiteralException(e.getMessage());
            }
            throw new CoercingParseLiteralException(
                    "expected an ISO-8601 date-time string or epoch milliseconds, got " + input.getClass().getSimpleName());
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(fromInput(input), context, locale));
        }

        private static Instant fromInput(Object input) {
            if (input instanceof Instant instant) {
                return instant;
            }
            if (input instanceof String text) {
                return parse(text);
            }
            if (input instanceof Integer || input instanceof Long) {
                return Instant.ofEpochMilli(((Number) input).longValue());
            }
            if (input instanceof BigDecimal decimal) {
                try {
                    return Instant.ofEpochMilli(decimal.longValueExact());
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("epoch milliseconds must be a whole number, got " + decimal);
                }
            }
            throw new IllegalArgumentException(
                    "expected an ISO-8601 date-time string or epoch milliseconds, got " + input.getClass().getSimpleName());
        }

        private static Instant parse(String text) {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "expected an ISO-8601 date-time with an offset such as 2026-11-21T14:03:00Z, got '" + text + "'");
            }
        }
    }
}
