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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

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
    private static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(5));
    private static final String REGISTERED = """
            {"data":{"registerBot":{"registration":"UNCHANGED",
              "bot":{"botId":"sim-bot-01","registeredAt":"2026-11-23T10:00:00Z"}}}}""";
    private static final String RATE_LIMITED = """
            {"errors":[{"message":"too many requests for this API key; retry after 0 s",
              "extensions":{"classification":"TOO_MANY_REQUESTS","retryAfterSeconds":0}}]}""";
    private static final String UNAVAILABLE = """
            {"errors":[{"message":"The database is unavailable for a moment","extensions":{"classification":"UNAVAILABLE",
              "errorId":"0b7c","retryAfterSeconds":0}}]}""";
    private static final String INTERNAL = """
            {"errors":[{"message":"unexpected error, id 7f3a","extensions":{"classification":"INTERNAL_ERROR"}}],
             "data":null}""";
    private static final RegisterBotCommand BOT = new RegisterBotCommand("sim-bot-01", "Simulated fixed_2x", "simulator",
            "local", null, "fixed_2x", new BigDecimal("1000.00000000"), new BigDecimal("10"), new BigDecimal("100"));

    private HttpServer server;
    private final List<Request> received = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";
    /** Answers given first, one per request, before {@link #status} and {@link #answer}. */
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();

    private record Answer(int status, String body) {
    }

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
            Answer scripted = script.poll();
            byte[] bytes = (scripted != null ? scripted.body() : answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(scripted != null ? scripted.status() : status, bytes.length);
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
        // Decimals travel as exact strings without trailing zeros; absent fields are left out, not sent as null.
        assertThat(input.path("initialBalance").asString()).isEqualTo("1000");
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

        GatewayClient client = new GatewayClient(GatewayClient.graphQlEndpoint("http://localhost:" + closedPort), null,
                Duration.ofSeconds(5), FAST_RETRIES, new Traffic());

        assertThatThrownBy(() -> client.registerBot(BOT))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("did not answer")
                .asInstanceOf(type(GatewayException.class))
                .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(GatewayException.NO_ANSWER));
        assertThat(client.traffic().retries(Traffic.RetryReason.NO_ANSWER)).isEqualTo(2);
    }

    @Test
    void withSeveralReplicasARequestThatGetsNoAnswerGoesToTheNextAndLaterOnesStayThere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String live = "http://localhost:" + server.getAddress().getPort();
        answer = REGISTERED;
        GatewayClient spread = new GatewayClient(List.of(GatewayClient.graphQlEndpoint("http://localhost:" + closedPort),
                GatewayClient.graphQlEndpoint(live)), "key", Duration.ofSeconds(5), FAST_RETRIES, new Traffic());

        GatewayClient onTheDeadReplica = spread.spreadTo(0);
        assertThat(onTheDeadReplica.registerBot(BOT).registration()).isEqualTo(Registration.UNCHANGED);
        assertThat(onTheDeadReplica.registerBot(BOT).registration()).isEqualTo(Registration.UNCHANGED);

        assertThat(received).as("the first attempt went to the closed port, then both to the live one").hasSize(2);
        assertThat(onTheDeadReplica.endpoint()).isEqualTo(GatewayClient.graphQlEndpoint(live));
        assertThat(spread.traffic().retries(Traffic.RetryReason.NO_ANSWER)).isEqualTo(1);
        assertThat(spread.spreadTo(1).endpoint()).isEqualTo(GatewayClient.graphQlEndpoint(live));
        assertThat(spread.spreadTo(2).endpoint()).as("client i on replica i mod n")
                .isEqualTo(GatewayClient.graphQlEndpoint("http://localhost:" + closedPort));
    }

    @Test
    void aRateLimitedRequestIsSentAgainAfterTheWaitTheGatewayAsksFor() {
        script.add(new Answer(429, RATE_LIMITED));
        script.add(new Answer(429, RATE_LIMITED));
        answer = REGISTERED;
        GatewayClient client = client("k");

        assertThat(client.registerBot(BOT).registration()).isEqualTo(Registration.UNCHANGED);

        assertThat(received).hasSize(3).extracting(Request::body).containsOnly(received.get(0).body());
        assertThat(client.traffic().retries(Traffic.RetryReason.RATE_LIMITED)).isEqualTo(2);
        assertThat(client.traffic().requests()).containsEntry("registerBot", 3L);
    }

    @Test
    void whileTheGatewaysDatabaseIsAwayTheSameRequestIsSentAgainBeyondTheServerFailureAttempts() {
        // More UNAVAILABLE answers than the attempts allowed for failures: a database restart is waited out.
        for (int i = 0; i < 8; i++) {
            script.add(new Answer(503, UNAVAILABLE));
        }
        answer = REGISTERED;
        GatewayClient client = client("k");

        assertThat(client.registerBot(BOT).registration()).isEqualTo(Registration.UNCHANGED);

        assertThat(received).hasSize(9).extracting(Request::body).containsOnly(received.get(0).body());
        assertThat(client.traffic().retries(Traffic.RetryReason.UNAVAILABLE)).isEqualTo(8);
        assertThat(client.traffic().retries(Traffic.RetryReason.SERVER_ERROR)).isZero();
    }

    @Test
    void aServerFailureIsRetriedWithTheSameRequestUntilTheAttemptsRunOut() {
        script.add(new Answer(200, INTERNAL));
        script.add(new Answer(503, "<html>Service Unavailable</html>"));
        answer = REGISTERED;
        GatewayClient client = client(null);

        assertThat(client.registerBot(BOT).registration()).isEqualTo(Registration.UNCHANGED);
        assertThat(received).hasSize(3).extracting(Request::body).containsOnly(received.get(0).body());
        assertThat(client.traffic().retries(Traffic.RetryReason.SERVER_ERROR)).isEqualTo(2);

        received.clear();
        answer = INTERNAL;
        assertThatThrownBy(() -> client.registerBot(BOT))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(received).hasSize(3);
    }

    @Test
    void aRefusalIsNotRetried() {
        answer = """
                {"errors":[{"message":"input.botId: the key may not act for this bot",
                  "extensions":{"classification":"FORBIDDEN"}}],"data":null}""";

        assertThatThrownBy(() -> client("k").registerBot(BOT)).isInstanceOf(GatewayException.class)
                .satisfies(e -> assertThat(((GatewayException) e).isClassified("FORBIDDEN")).isTrue());
        assertThat(received).hasSize(1);
    }

    @Test
    void aKeyIsIssuedOnceEvenWhenTheAnswerIsAFailure() {
        // createApiKey is not idempotent: after a failure that may have issued a key, sending it again could issue
        // a second one. A rate limit ran nothing, so that one is retried.
        answer = INTERNAL;
        assertThatThrownBy(() -> client("admin").createBotKey("demo", "sim-bot-01")).isInstanceOf(GatewayException.class);
        assertThat(received).hasSize(1);

        received.clear();
        script.add(new Answer(429, RATE_LIMITED));
        answer = """
                {"data":{"createApiKey":{"secret":"cag_secret","apiKey":{"id":"k1","prefix":"cag_sec"}}}}""";
        assertThat(client("admin").createBotKey("demo", "sim-bot-01"))
                .isEqualTo(new IssuedApiKey("k1", "cag_sec", "cag_secret"));
        assertThat(received).hasSize(2);
    }

    @Test
    void giveUpWhenTheRateLimitWaitExceedsItsBudget() {
        answer = RATE_LIMITED.replace("\"retryAfterSeconds\":0", "\"retryAfterSeconds\":60");
        status = 429;

        assertThatThrownBy(() -> client("k").registerBot(BOT))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("still over the rate limit");
        assertThat(received).hasSize(1);
    }

    @Test
    void acceptsTheGatewaysBaseUrlOrItsGraphqlEndpoint() {
        assertThat(GatewayClient.graphQlEndpoint("http://localhost:8080")).hasToString("http://localhost:8080/graphql");
        assertThat(GatewayClient.graphQlEndpoint("http://localhost:8080/")).hasToString("http://localhost:8080/graphql");
        assertThat(GatewayClient.graphQlEndpoint("https://gw.example.com/graphql/"))
                .hasToString("https://gw.example.com/graphql");
    }

    private GatewayClient client(String apiKey) {
        return new GatewayClient(GatewayClient.graphQlEndpoint("http://localhost:" + server.getAddress().getPort()),
                apiKey, Duration.ofSeconds(5), FAST_RETRIES, new Traffic());
    }
}
