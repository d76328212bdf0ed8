package com.crashanalytics.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/** The gateway's {@code schema.graphqls} as the build puts it on the classpath, for tests that read the schema itself. */
public final class GatewaySchema {

    private GatewaySchema() {
    }

    public static String text() {
        try (InputStream schema = GatewaySchema.class.getResourceAsStream("/graphql/schema.graphqls")) {
            assertThat(schema).as("schema.graphqls on the classpath").isNotNull();
            return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TypeDefinitionRegistry definitions() {
        return new SchemaParser().parse(text());
    }

    /** The names of an object type's fields, those of its extensions included. */
    public static Set<String> fieldsOf(String objectType) {
        TypeDefinitionRegistry schema = definitions();
        Set<String> fields = new HashSet<>();
        schema.getType(objectType, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()
                .forEach(field -> fields.add(field.getName()));
        schema.objectTypeExtensions().getOrDefault(objectType, List.of()).stream()
                .map(ObjectTypeExtensionDefinition::getFieldDefinitions).flatMap(List::stream)
                .map(FieldDefinition::getName).forEach(fields::add);
        return fields;
    }
}
