package com.crashanalytics.api.security.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.crashanalytics.api.GatewayApplication;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.GraphQlClient.GraphQlResponse;
import com.crashanalytics.persistence.testing.TestPostgres;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A first start as an operator would do it in production: an empty database, no GATEWAY_ADMIN_KEY, introspection
 * and GraphiQL switched off. The gateway issues an admin key and prints it once; a restart prints none; the last
 * admin key cannot be revoked; the schema is not discoverable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshProductionInstallIT {

    private static final Pattern PRINTED_KEY = Pattern.compile("cag_[A-Za-z0-9_-]{43}");
    private static final ListAppender<ILoggingEvent> bootstrapLog = new ListAppender<>();

    private static String databaseUrl;
    private static ConfigurableApplicationContext gateway;
    private static String printedKey;

    @BeforeAll
    static void startOnAnEmptyDatabase() {
        bootstrapLog.start();
        databaseUrl = TestPostgres.get().createDatabase("fresh_install");
        gateway = start();
        printedKey = printedKeys().get(0);
    }

    @AfterEach
    void keepTheGatewayRunning() {
        if (!gateway.isActive()) {
            gateway = start();
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
        ((Logger) LoggerFactory.getLogger(AdminKeyBootstrap.class)).detachAppender(bootstrapLog);
        // Spring Boot switches introspection off JVM-wide; the other tests in this JVM expect it on.
        Introspection.enabledJvmWide(true);
    }

    @Test
    @Order(1)
    void theFirstStartPrintsAnAdminKeyOnceAndOnlyItsHashIsStored() {
        assertThat(printedKeys()).hasSize(1);
        GraphQlResponse keys = admin().execute("{ apiKeys { label role prefix } }");

        assertThat(keys.hasErrors()).as(keys.body()).isFalse();
        assertThat(keys.data("apiKeys").get(0).path("role").asString()).isEqualTo("ADMIN");
        assertThat(keys.data("apiKeys").get(0).path("prefix").asString()).isEqualTo(printedKey.substring(0, 12));
    }

    @Test
    @Order(2)
    void aRestartPrintsNoNewKeyAndThePrintedOneStillWorks() {
        gateway.close();
        gateway = start();

        assertThat(printedKeys()).containsExactly(printedKey);
        assertThat(admin().execute("{ apiKeys { role } }").data("apiKeys")).hasSize(1);
    }

    @Test
    @Order(4)
    void theLastAdminKeyCannotBeRevokedUntilThereIsAnother() {
        String revoke = "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { apiKey { revokedAt } } }";
        String onlyAdmin = admin().execute("{ apiKeys { id } }").data("apiKeys").get(0).path("id").asString();

        GraphQlResponse refused = admin().execute(revoke, Map.of("id", onlyAdmin));
        admin().execute("mutation { createApiKey(input: {label: \"second admin\", role: ADMIN}) { secret } }");
        GraphQlResponse allowed = admin().execute(revoke, Map.of("id", onlyAdmin));

        assertThat(refused.classifications()).containsExactly("CONFLICT");
        assertThat(refused.errors().get(0).path("message").asString()).contains("last active ADMIN key");
        assertThat(allowed.hasErrors()).as(allowed.body()).isFalse();
    }

    @Test
    @Order(3)
    void introspectionGraphiqlAndThePrintedSchemaAreOff() throws Exception {
        GraphQlResponse introspection = admin().execute("{ __schema { types { name } } }");

        assertThat(introspection.hasErrors()).isTrue();
        assertThat(introspection.body()).doesNotContain("RegisterBotInput");
        assertThat(get("/graphiql").statusCode()).isEqualTo(404);
        assertThat(get("/graphql/schema").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                // Spring Boot sets logging up anew on each start: listen to the bootstrap's log once it has.
                .listeners((ApplicationListener<ApplicationPreparedEvent>) prepared ->
                        ((Logger) LoggerFactory.getLogger(AdminKeyBootstrap.class)).addAppender(bootstrapLog))
                // As command-line arguments, so they outrank application.yaml as the environment would.
                .run("--server.port=0",
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=" + TestPostgres.get().username(),
                        "--spring.datasource.password=" + TestPostgres.get().password(),
                        "--gateway.admin-key=",
                        "--GATEWAY_INTROSPECTION_ENABLED=false",
                        "--GATEWAY_GRAPHIQL_ENABLED=false");
    }

    private static List<String> printedKeys() {
        return bootstrapLog.list.stream().map(ILoggingEvent::getFormattedMessage).map(PRINTED_KEY::matcher)
                .filter(Matcher::find).map(Matcher::group).toList();
    }

    private static int port() {
        return Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
    }

    private static GraphQlClient admin() {
        return new GraphQlClient(port()).withApiKey(printedKey);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
