package com.crashanalytics.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Browser pages of other origins (a Grafana, a team's own dashboard): allowed only when configured
 * (GATEWAY_CORS_ALLOWED_ORIGINS), and then their preflight is answered before authentication, since a browser sends
 * it without the key.
 */
@GatewayIntegrationTest
@TestPropertySource(properties = "gateway.cors.allowed-origins=https://grafana.example.com, https://bots.example.org")
class CorsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theAllowedOriginsPreflightIsAnsweredWithoutAKey() throws Exception {
        HttpResponse<String> preflight = preflight(port, "https://grafana.example.com");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://grafana.example.com");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("content-type");
    }

    @Test
    void theAllowedOriginsRequestIsAnsweredWithItsOrigin() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Origin", "https://bots.example.org").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestApiKeys.ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"__typename\":\"Query\"");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://bots.example.org");
    }

    @Test
    void anotherOriginIsRefused() throws Exception {
        HttpResponse<String> preflight = preflight(port, "https://evil.example.net");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    static HttpResponse<String> preflight(int port, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
