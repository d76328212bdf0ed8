package com.crashanalytics.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may open which HTTP endpoint: health, GraphiQL and the printed schema are open; metrics need an ADMIN key;
 * anything else is denied by default.
 */
@GatewayIntegrationTest
class EndpointAccessIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void healthGraphiqlAndTheSchemaAreOpenToEveryone() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/graphiql", null).statusCode()).isEqualTo(200);
        assertThat(get("/graphql/schema", null).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsNeedAnAdminKey() throws Exception {
        TestApiKeys keys = new TestApiKeys(port);

        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        HttpResponse<String> bot = get("/actuator/prometheus", keys.bot("bot_a"));
        HttpResponse<String> dashboard = get("/actuator/metrics", keys.dashboard());
        HttpResponse<String> admin = get("/actuator/prometheus", TestApiKeys.ADMIN);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"classification\":\"UNAUTHORIZED\"");
        assertThat(bot.statusCode()).isEqualTo(403);
        assertThat(bot.body()).contains("\"classification\":\"FORBIDDEN\"");
        assertThat(dashboard.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
        assertThat(get("/actuator/metrics", TestApiKeys.ADMIN).body()).contains("\"names\"");
    }

    @Test
    void anythingElseIsDeniedByDefault() throws Exception {
        assertThat(get("/anything", TestApiKeys.ADMIN).statusCode()).isEqualTo(403);
        assertThat(get("/anything", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", TestApiKeys.ADMIN).statusCode()).as("not exposed at all").isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
