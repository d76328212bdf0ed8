package com.crashanalytics.api.security.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * The gateway's limits are the only ones on a document's shape: graphql-java 26's own validation limits (100 levels,
 * 100,000 fields) do not refuse what the gateway's settings allow.
 */
class WebSocketLimitsInterceptorTest {

    private static final GraphQL ENGINE = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { node: Node } type Node { next: Node, id: Int }"),
                    RuntimeWiring.newRuntimeWiring().build()))
            .instrumentation(new DocumentLimitsInstrumentation(limitsWithDepth(150)))
            .build();

    @Test
    void aDocumentDeeperThanGraphQlJavasOwnLimitRunsWhenTheGatewaysDepthAllowsIt() {
        String hundredAndOneLevels = "{ node { " + "next { ".repeat(99) + "id" + " }".repeat(99) + " } }";

        ExecutionResult answer = throughTheInterceptor(hundredAndOneLevels);

        assertThat(answer.getErrors()).isEmpty();
        assertThat(answer.<Map<String, Object>>getData()).containsEntry("node", null);
    }

    @Test
    void theGatewaysOwnDepthStillRefusesFirst() {
        String hundredAndFiftyOneLevels = "{ node { " + "next { ".repeat(149) + "id" + " }".repeat(149) + " } }";

        ExecutionResult answer = throughTheInterceptor(hundredAndFiftyOneLevels);

        assertThat(answer.getErrors()).hasSize(1);
        assertThat(answer.getErrors().get(0).getExtensions()).containsEntry("limit", "maxDepth")
                .containsEntry("actual", 151L);
    }

    private static ExecutionResult throughTheInterceptor(String document) {
        WebSocketLimitsInterceptor interceptor = new WebSocketLimitsInterceptor(limitsWithDepth(150),
                new RateLimiter(new RateLimits("1/1s", "1/1s", "1/1s", "1/1s", "1/1s")));
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, new HashMap<>(), Map.of("query", document), "1", Locale.ROOT);
        WebGraphQlResponse response = interceptor.intercept(request, next -> {
            ExecutionResult result = ENGINE.execute(next.toExecutionInput());
            return Mono.just(new WebGraphQlResponse(
                    new DefaultExecutionGraphQlResponse(next.toExecutionInput(), result)));
        }).block();
        return response.getExecutionResult();
    }

    private static QueryLimits limitsWithDepth(int depth) {
        return new QueryLimits(depth, 100_000, 15_000, 30, 20, DataSize.ofMegabytes(1));
    }
}
