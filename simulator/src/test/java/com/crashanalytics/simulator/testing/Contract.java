package com.crashanalytics.simulator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * {@code schema.graphqls} at the repository root, the gateway's contract, for checking what the simulator sends:
 * documents are validated, and variables are coerced into the input types as the gateway would (unknown fields,
 * missing required fields, wrong enum values and wrong types of the standard scalars are all refused).
 */
public final class Contract {

    public static final GraphQLSchema SCHEMA = load();

    private static final GraphQL ENGINE = GraphQL.newGraphQL(SCHEMA).build();

    private Contract() {
    }

    /** What is wrong with this document against the schema; empty when it is valid. */
    public static List<? extends GraphQLError> documentErrors(String document) {
        return ParseAndValidate.parseAndValidate(SCHEMA, ExecutionInput.newExecutionInput(document).build()).getErrors();
    }

    /**
     * What is wrong with the document or with these variables for it. The schema has no resolvers, so executing it
     * answers nulls where the gateway answers data; only validation errors count.
     */
    public static List<GraphQLError> requestErrors(String document, Map<String, Object> variables) {
        return ENGINE.execute(ExecutionInput.newExecutionInput(document).variables(variables).build()).getErrors()
                .stream()
                .filter(error -> error.getErrorType() == ErrorType.ValidationError
                        || error.getErrorType() == ErrorType.InvalidSyntax)
                .toList();
    }

    private static GraphQLSchema load() {
        try {
            // Tests run in the module's directory; the contract lives at the repository root.
            String schema = Files.readString(Path.of("..", "schema.graphqls"));
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(schema));
        } catch (IOException e) {
            throw new IllegalStateException("schema.graphqls not found at the repository root", e);
        }
    }
}
