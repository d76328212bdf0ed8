package com.crashanalytics.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.GraphQlClient;
import com.crashanalytics.api.testing.TestApiKeys;
import com.crashanalytics.api.testing.WritePath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The observability switches turned on, as an operator would from the environment: JSON logs
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) and OpenTelemetry tracing ({@code GATEWAY_TRACING_ENABLED=true},
 * spans sent to {@code GATEWAY_TRACING_OTLP_ENDPOINT}, here a stand-in collector). A context of its own.
 */
@GatewayIntegrationTest
@TestPropertySource(properties = {"logging.structured.format.console=ecs", "gateway.tracing.enabled=true"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilitySwitchesIT {

    private static final OtlpCollector COLLECTOR = OtlpCollector.start();

    static {
        // Logback is configured once per JVM: a context started later keeps the first one's format unless the
        // logging system is cleaned up first. So this context really starts with the JSON switch on.
        LoggingSystem.get(ObservabilitySwitchesIT.class.getClassLoader()).cleanUp();
    }

    /** The contexts that run after this one (cached, not restarted) log as configured by default: plain text. */
    @AfterAll
    static void plainLogsAgain() {
        LoggingSystem logging = LoggingSystem.get(ObservabilitySwitchesIT.class.getClassLoader());
        logging.cleanUp();
        // Spring Boot hands the switch to Logback as a system property, which would outlive this context.
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry properties) {
        properties.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::tracesEndpoint);
    }

    @LocalServerPort
    int port;

    @Test
    void logLinesAreJsonWhenTheSwitchIsOn(CapturedOutput output) {
        LoggerFactory.getLogger(ObservabilitySwitchesIT.class).info("structured logging is on");

        String line = output.getOut().lines().filter(text -> text.contains("structured logging is on"))
                .findFirst().orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("structured logging is on");
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("@timestamp").asString()).isNotEmpty();
    }

    @Test
    void requestsAreTracedToTheOtlpEndpointWithExemplarsOnTheLatencyBuckets() throws Exception {
        GraphQlClient client = new GraphQlClient(port);
        WritePath.ok(client.execute("{ platforms { platformCode } }"));

        // The span processor sends in batches (every 5 s by default): wait for the batch, up to 30 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (COLLECTOR.exports().stream().noneMatch(export -> export.mentions("graphql"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<OtlpCollector.Export> traces = COLLECTOR.exports();
        assertThat(traces).anySatisfy(export -> {
            assertThat(export.path()).isEqualTo("/v1/traces");
            assertThat(export.contentType()).isEqualTo("application/x-protobuf");
            assertThat(export.mentions("graphql")).isTrue();
            assertThat(export.mentions("crash-analytics-gateway")).as("the service name").isTrue();
        });

        HttpResponse<String> openMetrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + TestApiKeys.ADMIN)
                .header("Accept", "application/openmetrics-text; version=1.0.0").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(openMetrics.body().lines().filter(line -> line.startsWith("graphql_request_seconds_bucket")
                && line.contains("graphql_root_field=\"platforms\""))).anyMatch(line -> line.contains("trace_id="));
    }
}
