package com.crashanalytics.api.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.crashanalytics.api.testing.GatewayIntegrationTest;
import com.crashanalytics.api.testing.TestApiKeys;
import graphql.ExecutionInput;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an operator gets without touching a switch: build and git facts in /actuator/info, tracing off. */
@GatewayIntegrationTest
class ObservabilityDefaultsIT {

    @LocalServerPort
    int port;

    @Autowired
    Sampler sampler;

    @Autowired
    ObjectProvider<SpanExporter> spanExporters;

    @Autowired
    GraphQlObservationInstrumentation graphQlObservations;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void infoShowsTheBuildAndTheCommit() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/info"))
                .header("Authorization", "Bearer " + TestApiKeys.ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = JsonMapper.builder().build().readTree(response.body());
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("graphql-api");
        assertThat(info.path("build").path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.path("build").path("time").asString()).isNotEmpty();
        assertThat(info.path("java").path("version").asString()).isNotEmpty();
        // A build from a source tarball (no .git) has no git facts; a clone always has them.
        assumeThat(getClass().getResource("/git.properties")).as("built from a git clone").isNotNull();
        assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
        assertThat(info.path("git").path("branch").asString()).isNotEmpty();
    }

    @Test
    void tracingIsOffByDefault() {
        assertThat(sampler.getDescription()).isEqualTo("AlwaysOffSampler");
        assertThat(spanExporters.stream()).as("nothing is sent anywhere").isEmpty();
    }

    /**
     * Without tracing only the request is observed (its metric is DomainMetricsIT's): a data fetcher comes back from
     * the instrumentation as it went in, and the request's DataLoader registry is not rebuilt with wrappers.
     */
    @Test
    void withTracingOffNeitherDataFetchersNorDataLoadersAreWrapped() {
        DataFetcher<String> fetcher = environment -> "answer";
        ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").build();

        assertThat(graphQlObservations.instrumentDataFetcher(fetcher, null, null)).isSameAs(fetcher);
        assertThat(graphQlObservations.instrumentExecutionInput(input, null, null)).isSameAs(input);
    }

    /**
     * None of the gateway's instrumentations listens per field or per object, so the engine's chain of them skips
     * those hooks (FieldLevelSkippingChain): nothing per field is paid for on a dashboard's 25,000 fields.
     */
    @Test
    void theEnginesInstrumentationsCostNothingPerField() {
        Instrumentation engines = graphQlSource.graphQl().getInstrumentation();

        assertThat(engines.getClass().getSimpleName()).isEqualTo("FieldLevelSkippingChain");
        assertThat(((ChainedInstrumentation) engines).getInstrumentations()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(engines.beginFieldFetching(null, null)).isSameAs(FieldFetchingInstrumentationContext.NOOP);
        assertThat(engines.beginExecuteObject(null, null)).isSameAs(ExecuteObjectInstrumentationContext.NOOP);
        // a property read, most of a large answer's fields, is not passed along the chain: every member that
        // instruments data fetchers passes trivial ones through (PassesTrivialFetchersThrough)
        DataFetcher<Object> propertyRead = environment -> null;
        InstrumentationFieldFetchParameters trivial = new InstrumentationFieldFetchParameters(null, () -> null, null,
                true);
        assertThat(engines.instrumentDataFetcher(propertyRead, trivial, null)).isSameAs(propertyRead);
    }
}
