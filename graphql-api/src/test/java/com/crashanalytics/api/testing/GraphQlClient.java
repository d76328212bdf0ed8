package com.crashanalytics.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends real GraphQL documents over HTTP, as a bot or a dashboard would: a POST of JSON to {@code /graphql}.
 * Deliberately not Spring's tester, so the tests see exactly the bytes a client sees.
 *
 * <p>{@code new GraphQlClient(port)} sends the test admin key ({@link TestApiKeys#ADMIN}), so a test that is not
 * about access control need not think about it. {@link #withApiKey(String)} sends another key,
 * {@link #anonymous(int)} none.
 */
public final class GraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A client that authenticates with the test admin key. */
    public GraphQlClient(int port) {
        this(port, TestApiKeys.ADMIN);
    }

    private GraphQlClient(int port, String apiKey) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
        if (apiKey != null) {
            headers.put("Authorization", "Bearer " + apiKey);
        }
    }

    /** A client that sends no key at all. */
    public static GraphQlClient anonymous(int port) {
        return new GraphQlClient(port, null);
    }

    /** This client, sending that key instead of the one it had. */
    public GraphQlClient withApiKey(String apiKey) {
        headers.put("Authorization", "Bearer " + apiKey);
        return this;
    }

    /** This client with a header on every request, e.g. an {@code Authorization} header. */
    public GraphQlClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public GraphQlResponse execute(String document) {
        return execute(document, Map.of());
    }

    public GraphQlResponse execute(String document, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return post(JSON.writeValueAsString(body));
    }

    /** Posts a raw body, for tests of malformed or oversized requests. */
    public GraphQlResponse post(String rawJsonBody) {
        return send(HttpRequest.BodyPublishers.ofString(rawJsonBody));
    }

    /** Posts a body as the publisher produces it (e.g. chunked, without a Content-Length). */
    public GraphQlResponse send(HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new GraphQlResponse(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An answer: its HTTP status, its JSON body and its headers. */
    public record GraphQlResponse(int status, String body, Map<String, java.util.List<String>> headers) {

        public GraphQlResponse(int status, String body) {
            this(status, body, Map.of());
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The {@code data} member at this path, e.g. {@code registerBot.bot.botId}. */
        public JsonNode data(String path) {
            JsonNode node = json().path("data");
            for (String step : path.split("\\.")) {
                node = node.path(step);
            }
            return node;
        }

        public JsonNode errors() {
            return json().path("errors");
        }

        public boolean hasErrors() {
            return errors().isArray() && !errors().isEmpty();
        }

        /** The classifications of the errors, in order (e.g. FORBIDDEN, BAD_REQUEST). */
        public java.util.List<String> classifications() {
            java.util.List<String> classifications = new java.util.ArrayList<>();
            errors().forEach(error -> classifications.add(error.path("extensions").path("classification").asString()));
            return classifications;
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }
    }
}
