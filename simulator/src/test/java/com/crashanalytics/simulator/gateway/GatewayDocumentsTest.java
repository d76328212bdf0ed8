package com.crashanalytics.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

/**
 * The client speaks the contract: every document it sends is valid against {@code schema.graphqls} at the
 * repository root, and every input field it fills exists in the input type.
 */
class GatewayDocumentsTest {

    private static final GraphQLSchema CONTRACT = contract();

    @Test
    void everyDocumentIsValidAgainstTheSchema() {
        assertThat(GatewayDocuments.ALL).isNotEmpty();
        GatewayDocuments.ALL.forEach((operation, document) -> {
            ParseAndValidateResult result = ParseAndValidate.parseAndValidate(CONTRACT,
                    ExecutionInput.newExecutionInput(document).build());
            assertThat(result.getErrors()).as(operation).isEmpty();
        });
    }

    @Test
    void aDocumentThatDoesNotMatchTheSchemaIsCaught() {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(CONTRACT,
                ExecutionInput.newExecutionInput("mutation { registerBot(input: {botId: \"x\"}) { nope } }").build());
        assertThat(result.getErrors()).isNotEmpty();
    }

    @Test
    void registerBotFillsOnlyFieldsOfRegisterBotInput() {
        RegisterBotCommand everything = new RegisterBotCommand("bot", "name", "vm", "local", "nyc3", "fixed_2x",
                new BigDecimal("1000"), new BigDecimal("10"), new BigDecimal("100"));

        Map<String, Object> input = GatewayClient.registerBotInput(everything).toMap();

        assertThat(input.keySet()).hasSize(9).isSubsetOf(inputFieldsOf("RegisterBotInput"));
    }

    private static List<String> inputFieldsOf(String type) {
        GraphQLInputObjectType input = (GraphQLInputObjectType) CONTRACT.getType(type);
        assertThat(input).as(type).isNotNull();
        return input.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).toList();
    }

    private static GraphQLSchema contract() {
        try {
            // Tests run in the module's directory; the contract lives at the repository root.
            String schema = Files.readString(Path.of("..", "schema.graphqls"));
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(schema));
        } catch (IOException e) {
            throw new IllegalStateException("schema.graphqls not found at the repository root", e);
        }
    }
}
