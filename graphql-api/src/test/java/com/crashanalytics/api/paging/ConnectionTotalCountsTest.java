package com.crashanalytics.api.paging;

import static org.assertj.core.api.Assertions.assertThat;


import com.crashanalytics.api.testing.GatewaySchema;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/** A connection type the wiring does not name would answer {@code totalCount} with null: the list is the schema's. */
class ConnectionTotalCountsTest {

    @Test
    void everyConnectionTypeOfTheSchemaHasItsTotalCountWired() throws Exception {
        TypeDefinitionRegistry schema = GatewaySchema.definitions();
        var typesWithTotalCount = schema.getTypes(ObjectTypeDefinition.class).stream()
                .filter(type -> type.getFieldDefinitions().stream().anyMatch(field -> field.getName().equals("totalCount")))
                .map(ObjectTypeDefinition::getName)
                .toList();

        assertThat(typesWithTotalCount).allMatch(name -> name.endsWith("Connection"));
        assertThat(ConnectionTotalCounts.CONNECTION_TYPES).containsExactlyInAnyOrderElementsOf(typesWithTotalCount);
    }
}
