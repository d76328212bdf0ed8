package com.crashanalytics.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
}
