package com.crashanalytics.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.bot.Registration;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client over real HTTP, against a stand-in server that records what it receives and answers as the gateway
 * does: the request's method, headers and JSON body, the payload's parsing, and errors surfaced with the gateway's
 * messages.
 */
class GatewayClientIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RegisterBotCommand BOT = new RegisterBotCommand("sim-bot-01", "Simulated fixed_2x", "simulator",
            "local", null, "fixed_2x", new BigDecimal("1000.00000000"), new BigDecimal("10"), new BigDecimal("100"));

    private HttpServer server;
    private final List<Request> received = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";

    private record Request(String method, String path, String contentType, String authorization, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void registersABotWithOnePostOfJsonToGraphql() {
        answer = """
                {"data":{"registerBot":{"registration":"CREATED",
                  "bot":{"botId":"sim-bot-01","registeredAt":"2026-11-23T10:00:00.123Z"}}}}""";

        RegisteredBot registered = client("secret-key").registerBot(BOT);

        assertThat(registered).isEqualTo(new RegisteredBot("sim-bot-01", Registration.CREATED,
                Instant.parse("2026-11-23T10:00:00.123Z")));
        assertThat(received).hasSize(1);
        Request request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/graphql");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer secret-key");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("query").asString()).isEqualTo(GatewayDocuments.REGISTER_BOT);
        JsonNode input = body.path("variables").path("input");
        // Decimals travel as exact strings; absent fields are left out, not sent as null.
        assertThat(input.path("initialBalance").asString()).isEqualTo("1000.00000000");
        assertThat(input.path("baseStake").asString()).isEqualTo("10");
        assertThat(input.path("botId").asString()).isEqualTo("sim-bot-01");
        assertThat(input.has("region")).isFalse();
    }

    @Test
    void sendsNoAuthorizationWithoutAnApiKey() {
        answer = """
                {"data":{"registerBot":{"registration":"UNCHANGED",
                  "bot":{"botId":"sim-bot-01","registeredAt":"2026-11-23T10:00:00Z"}}}}""";

        assertThat(client(null).registerBot(BOT).registration()).isEqualTo(Registration.UNCHANGED);
        assertThat(client("  ").registerBot(BOT).registration()).isEqualTo(Registration.UNCHANGED);

        assertThat(received).extracting(Request::authorization).containsOnlyNulls();
    }

    @Test
    void graphQlErrorsBecomeAnExceptionWithTheGatewaysMessages() {
        answer = """
                {"errors":[
                  {"message":"input.maxStake: must be at least baseStake (10), got 9","path":["registerBot"],
                   "extensions":{"classification":"BAD_REQUEST","field":"input.maxStake",
                                 "rule":"MAX_STAKE_AT_LEAST_BASE_STAKE"}},
                  {"message":"input.botName: at most 100 characters","path":["registerBot"],
                   "extensions":{"classification":"BAD_REQUEST","field":"input.botName","rule":"MAX_LENGTH"}}],
                 "data":null}""";

        assertThatThrownBy(() -> client(null).registerBot(BOT))
                .isInstanceOf(GatewayException.class)
                .hasMessage("input.maxStake: must be at least baseStake (10), got 9; input.botName: at most 100 characters")
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.errors()).containsExactly(
                            new GraphQlError("input.maxStake: must be at least baseStake (10), got 9", "BAD_REQUEST",
                                    "input.maxStake", "MAX_STAKE_AT_LEAST_BASE_STAKE"),
                            new GraphQlError("input.botName: at most 100 characters", "BAD_REQUEST", "input.botName",
                                    "MAX_LENGTH"));
                });
    }

    @Test
    void errorsOnANon200StatusAreStillTheGatewaysErrors() {
        status = 401;
        answer = """
                {"errors":[{"message":"an API key is required","extensions":{"classification":"UNAUTHORIZED"}}]}""";

        assertThatThrownBy(() -> client(null).registerBot(BOT))
                .isInstanceOf(GatewayException.class)
                .hasMessage("an API key is required")
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(401));
    }

    @Test
    void anAnswerThatIsNotGraphQlIsReportedWithItsStatus() {
        status = 502;
        answer = "<html>Bad Gateway</html>";

        assertThatThrownBy(() -> client(null).registerBot(BOT))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void aGatewayThatDoesNotAnswerIsReportedAsSuch() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> GatewayClient.to("http://localhost:" + closedPort, null).registerBot(BOT))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("did not answer")
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(GatewayException.NO_ANSWER));
    }

    @Test
    void acceptsTheGatewaysBaseUrlOrItsGraphqlEndpoint() {
        assertThat(GatewayClient.graphQlEndpoint("http://localhost:8080")).hasToString("http://localhost:8080/graphql");
        assertThat(GatewayClient.graphQlEndpoint("http://localhost:8080/")).hasToString("http://localhost:8080/graphql");
        assertThat(GatewayClient.graphQlEndpoint("https://gw.example.com/graphql/"))
                .hasToString("https://gw.example.com/graphql");
    }

    private GatewayClient client(String apiKey) {
        return GatewayClient.to("http://localhost:" + server.getAddress().getPort(), apiKey);
    }
}
