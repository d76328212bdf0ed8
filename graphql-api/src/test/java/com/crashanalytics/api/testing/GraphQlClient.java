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
 */
public final class GraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public GraphQlClient(int port) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawJsonBody));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new GraphQlResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An answer: its HTTP status and its JSON body. */
    public record GraphQlResponse(int status, String body) {

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
    }
}
