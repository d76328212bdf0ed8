package com.crashanalytics.benchmarks.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP for the timed requests: bodies are serialized before the clock starts, and an answer is checked
 * without parsing it (status 200, no {@code "errors"} member), so the client's own work on the shared machine stays
 * small. One per simulated bot or dashboard, as each would hold its own connection. Thread-safe.
 */
public final class GatewayHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final @Nullable String authorization;

    public GatewayHttp(URI endpoint, String apiKey) {
        this.endpoint = endpoint;
        this.authorization = "Bearer " + apiKey;
    }

    private GatewayHttp(URI endpoint) {
        this.endpoint = endpoint;
        this.authorization = null;
    }

    /** A client that sends no key: for a peer server that takes none (PostGraphile as the baseline runs it). */
    public static GatewayHttp withoutKey(URI endpoint) {
        return new GatewayHttp(endpoint);
    }

    /** The JSON body of a GraphQL request. */
    public static String body(String document, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return JSON.writeValueAsString(body);
    }

    /** Posts a prepared body; returns the answer, or throws when it is not a clean 200 with data. */
    public String post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String answer = response.body();
        if (response.statusCode() != 200 || answer.contains("\"errors\"")) {
            throw new IllegalStateException("the gateway answered HTTP " + response.statusCode() + ": "
                    + answer.substring(0, Math.min(answer.length(), 800)));
        }
        return answer;
    }
}
