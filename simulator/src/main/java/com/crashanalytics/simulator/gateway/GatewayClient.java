package com.crashanalytics.simulator.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.bot.Registration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small GraphQL-over-HTTP client to the gateway: POSTs JSON to {@code /graphql}, with an
 * {@code Authorization: Bearer} header when an API key is given, and turns GraphQL errors into a
 * {@link GatewayException} carrying the gateway's messages. Thread-safe: concurrent bots can share one.
 *
 * <p>Each mutation is one method taking the simulator's or the domain's own types; the wire shape (documents in
 * {@link GatewayDocuments}, inputs built with {@link GraphQlInput}) stays in this package.
 */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI endpoint;
    private final @Nullable String apiKey;
    private final Duration requestTimeout;

    public GatewayClient(URI endpoint, @Nullable String apiKey, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.requestTimeout = requestTimeout;
        // HTTP/1.1: no h2c upgrade dance on every POST to a plain-HTTP gateway.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A client for the gateway at this URL: its base ({@code http://localhost:8080}) or its {@code /graphql}. */
    public static GatewayClient to(String url, @Nullable String apiKey) {
        return new GatewayClient(graphQlEndpoint(url), apiKey, DEFAULT_REQUEST_TIMEOUT);
    }

    static URI graphQlEndpoint(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        return URI.create(trimmed.endsWith("/graphql") ? trimmed : trimmed + "/graphql");
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Registers the bot, or updates its configuration; idempotent. */
    public RegisteredBot registerBot(RegisterBotCommand bot) {
        JsonNode payload = mutate(GatewayDocuments.REGISTER_BOT, "registerBot", registerBotInput(bot));
        JsonNode registered = payload.path("bot");
        return new RegisteredBot(
                registered.path("botId").asString(),
                Registration.valueOf(payload.path("registration").asString()),
                OffsetDateTime.parse(registered.path("registeredAt").asString()).toInstant());
    }

    static GraphQlInput registerBotInput(RegisterBotCommand bot) {
        return new GraphQlInput()
                .put("botId", bot.botId())
                .put("botName", bot.botName())
                .put("vmName", bot.vmName())
                .put("vmProvider", bot.vmProvider())
                .put("region", bot.region())
                .put("strategyName", bot.strategyName())
                .put("initialBalance", bot.initialBalance())
                .put("baseStake", bot.baseStake())
                .put("maxStake", bot.maxStake());
    }

    /** Runs a mutation of the gateway's shape {@code field(input: ...)} and returns its payload. */
    JsonNode mutate(String document, String field, GraphQlInput input) {
        JsonNode payload = execute(document, Map.of("input", input.toMap())).path(field);
        if (payload.isMissingNode() || payload.isNull()) {
            throw new GatewayException(200, "the gateway answered no " + field + " payload");
        }
        return payload;
    }

    /**
     * Sends a document with its variables and returns the response's {@code data}.
     *
     * @throws GatewayException when the response has errors, is not a GraphQL response, or never comes
     */
    public JsonNode execute(String document, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpResponse<String> response = send(JSON.writeValueAsString(body));
        JsonNode answer = parse(response);
        List<GraphQlError> errors = errorsIn(answer);
        if (!errors.isEmpty()) {
            throw new GatewayException(response.statusCode(), errors);
        }
        JsonNode data = answer.path("data");
        if (response.statusCode() / 100 != 2 || !data.isObject()) {
            throw new GatewayException(response.statusCode(),
                    "the gateway answered HTTP " + response.statusCode() + " without data: " + snippet(response.body()));
        }
        return data;
    }

    private HttpResponse<String> send(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayException(GatewayException.NO_ANSWER,
                    "the gateway at " + endpoint + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayException.NO_ANSWER, "interrupted while waiting for " + endpoint, e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new GatewayException(response.statusCode(),
                    "the gateway answered HTTP " + response.statusCode() + " with something other than JSON: "
                            + snippet(response.body()), e);
        }
    }

    private static List<GraphQlError> errorsIn(JsonNode answer) {
        List<GraphQlError> errors = new ArrayList<>();
        for (JsonNode error : answer.path("errors")) {
            JsonNode extensions = error.path("extensions");
            errors.add(new GraphQlError(error.path("message").asString("(no message)"),
                    textOrNull(extensions.path("classification")), textOrNull(extensions.path("field")),
                    textOrNull(extensions.path("rule"))));
        }
        return errors;
    }

    private static @Nullable String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asString() : null;
    }

    private static String snippet(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
