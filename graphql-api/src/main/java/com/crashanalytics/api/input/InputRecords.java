package com.crashanalytics.api.input;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Binds a GraphQL input object, as graphql-java hands it over (a map of values already checked and coerced against the
 * schema: strings, integers, doubles, booleans, enum names, the custom scalars' BigDecimal, Instant and JSON trees,
 * lists, nested maps), to an input record, component by component by name.
 * <p>
 * What Spring's {@code @Argument} binding does for the same records, with each record's shape looked up once: Spring
 * resolves every constructor parameter's generic type again on every call, which for the 33 fields of a round cost
 * the gateway about a tenth of its CPU and a third of its allocation per {@code logRound}. Used where that matters
 * (the round mutations); elsewhere {@code @Argument} binds.
 */
public final class InputRecords {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private InputRecords() {
    }

    /** The record of this type with the input's fields; absent fields are null. */
    public static <T extends Record> T bind(Map<String, ?> input, Class<T> type) {
        return type.cast(SHAPES.get(type).bind(input));
    }

    private static @Nullable Object convert(@Nullable Object value, Type target) {
        if (value == null) {
            return null;
        }
        Class<?> raw = target instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) target;
        if (List.class.isAssignableFrom(raw) && value instanceof List<?> items) {
            Type element = ((ParameterizedType) target).getActualTypeArguments()[0];
            List<@Nullable Object> converted = new ArrayList<>(items.size());
            items.forEach(item -> converted.add(convert(item, element)));
            return converted;
        }
        if (raw.isRecord() && value instanceof Map<?, ?> fields) {
            @SuppressWarnings("unchecked")
            Map<String, ?> input = (Map<String, ?>) fields;
            return SHAPES.get(raw).bind(input);
        }
        if (raw.isEnum() && value instanceof String name) {
            return enumConstant(raw, name);
        }
        if (raw.isInstance(value)) {
            return value;
        }
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getName() + " to " + target);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    /** A record's components (names and generic types) and its canonical constructor. */
    private record Shape(String[] names, Type[] types, MethodHandle constructor) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] erased = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                erased[i] = components[i].getType();
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                MethodHandle constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(erased))
                        .asSpreader(Object[].class, components.length);
                return new Shape(names, types, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type, e);
            }
        }

        Object bind(Map<String, ?> input) {
            Object[] arguments = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                arguments[i] = convert(input.get(names[i]), types[i]);
            }
            try {
                return constructor.invoke(arguments);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
