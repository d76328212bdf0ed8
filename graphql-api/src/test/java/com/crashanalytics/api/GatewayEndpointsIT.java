package com.crashanalytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.support.RequestHandledEvent;

/** The endpoints a person or an operator opens: GraphiQL, the printed schema, health with the database. */
@GatewayIntegrationTest
class GatewayEndpointsIT {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void servesGraphiQL() throws Exception {
        HttpResponse<String> page = get("/graphiql");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("graphiql");
    }

    @Test
    void printsTheSchema() throws Exception {
        HttpResponse<String> schema = get("/graphql/schema");

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("registerBot(").contains("input: RegisterBotInput!").contains("): RegisterBotPayload!");
    }

    @Test
    void reportsHealthIncludingTheDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}");
        // Open to anyone, so it tells nothing about the server: no paths, disk sizes or database product.
        assertThat(health.body()).doesNotContain("\"details\"").doesNotContain("\"path\"").doesNotContain("PostgreSQL");
    }

    /**
     * Spring MVC would publish an event after every request, which nothing here listens to (a cost per request, issue
     * 14). The event comes after the answer is written, so the listener is given time to hear one.
     */
    @Test
    void publishesNoEventPerRequestHandled() throws Exception {
        List<RequestHandledEvent> heard = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<RequestHandledEvent>) heard::add);

        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/graphql/schema").statusCode()).isEqualTo(200);

        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(heard).isEmpty());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
