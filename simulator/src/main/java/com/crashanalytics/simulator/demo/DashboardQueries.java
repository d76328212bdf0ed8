package com.crashanalytics.simulator.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The dashboard queries to paste into GraphiQL once the demo has run: the demo prints them, the README quotes them
 * (a test keeps the two the same), and an end-to-end test runs them against demo data. Each is one GraphQL
 * document whose first comment line says what it shows.
 */
public final class DashboardQueries {

    private static final String RESOURCE = "dashboard-queries.graphql";

    private DashboardQueries() {
    }

    /** The queries, in order, each a complete document with its leading comment. */
    public static List<String> all() {
        try (InputStream in = DashboardQueries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the simulator's classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // A query starts at a comment line that follows a blank line (or the start of the file).
            return Arrays.stream(text.strip().split("\\n\\s*\\n(?=# )")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
