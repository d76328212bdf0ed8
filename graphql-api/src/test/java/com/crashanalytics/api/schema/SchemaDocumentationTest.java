package com.crashanalytics.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.language.AbstractDescribedNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/** Every type, field, argument, input field and enum value of the contract carries a description for GraphiQL. */
class SchemaDocumentationTest {

    @Test
    void everyElementOfTheSchemaIsDescribed() throws Exception {
        TypeDefinitionRegistry registry = parseSchema();
        List<String> undescribed = new ArrayList<>();

        registry.scalars().values().stream()
                .filter(scalar -> !isBuiltIn(scalar.getName()))
                .forEach(scalar -> requireDescription(scalar, scalar.getName(), undescribed));
        for (TypeDefinition<?> type : registry.types().values()) {
            requireDescription((AbstractDescribedNode<?>) type, type.getName(), undescribed);
            if (type instanceof ObjectTypeDefinition object) {
                object.getFieldDefinitions().forEach(field -> describeField(object.getName(), field, undescribed));
            }
            if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(value ->
                        requireDescription(value, input.getName() + "." + value.getName(), undescribed));
            }
            if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().forEach(value ->
                        requireDescription(value, enumType.getName() + "." + value.getName(), undescribed));
            }
        }
        registry.objectTypeExtensions().values().stream().flatMap(List::stream).forEach(extension ->
                extension.getFieldDefinitions().forEach(field -> describeField(extension.getName(), field, undescribed)));

        assertThat(undescribed).as("schema elements without a description").isEmpty();
    }

    @Test
    void theCheckNoticesAMissingDescription() {
        TypeDefinitionRegistry registry = new SchemaParser().parse("\"A type.\" type T { undocumented: Int }");
        List<String> undescribed = new ArrayList<>();
        ObjectTypeDefinition type = (ObjectTypeDefinition) registry.getType("T").orElseThrow();

        type.getFieldDefinitions().forEach(field -> describeField("T", field, undescribed));

        assertThat(undescribed).containsExactly("T.undocumented");
    }

    private static void describeField(String owner, FieldDefinition field, List<String> undescribed) {
        requireDescription(field, owner + "." + field.getName(), undescribed);
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
            requireDescription(argument, owner + "." + field.getName() + "(" + argument.getName() + ")", undescribed);
        }
    }

    private static void requireDescription(AbstractDescribedNode<?> node, String name, List<String> undescribed) {
        if (node.getDescription() == null || node.getDescription().getContent().isBlank()) {
            undescribed.add(name);
        }
    }

    private static boolean isBuiltIn(String scalar) {
        return List.of("Int", "Float", "String", "Boolean", "ID").contains(scalar);
    }

    private static TypeDefinitionRegistry parseSchema() throws Exception {
        try (InputStream schema = SchemaDocumentationTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            assertThat(schema).as("schema.graphqls on the classpath").isNotNull();
            return new SchemaParser().parse(new String(schema.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
