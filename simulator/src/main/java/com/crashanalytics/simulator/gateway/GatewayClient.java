package com.crashanalytics.simulator.gateway;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.crashanalytics.domain.bot.RegisterBotCommand;
import com.crashanalytics.domain.bot.Registration;
import com.crashanalytics.simulator.gateway.Traffic.RetryReason;
import com.crashanalytics.simulator.play.ErrorEvent;
import com.crashanalytics.simulator.play.GameTable;
import com.crashanalytics.simulator.play.SimulatedPrediction;
import com.crashanalytics.simulator.play.SimulatedRound;
import com.crashanalytics.simulator.play.SimulatedSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small GraphQL-over-HTTP client to the gateway: POSTs JSON to {@code /graphql}, with an
 * {@code Authorization: Bearer} header when an API key is given, and turns GraphQL errors into a
 * {@link GatewayException} carrying the gateway's messages. Thread-safe: concurrent bots can share one, or each
 * have its own key ({@link #withApiKey}) over one connection pool.
 *
 * <p>It retries as a bot should (see {@link RetryPolicy}): after TOO_MANY_REQUESTS it waits as long as the gateway
 * asks; after no answer or a server failure it sends an idempotent request again, unchanged, so the gateway
 * answers {@code duplicate: true} if the first attempt had gone through. Every mutation the simulator sends is
 * idempotent except {@code createApiKey}, which is therefore never sent twice unless the gateway said it ran nothing.
 *
 * <p>It can talk to several gateway replicas ({@link #to(List, String)}), as a load balancer in front of them would:
 * each client sends to one replica ({@link #spreadTo} picks which, so bots spread over them) and, when that one
 * does not answer, moves to the next and sends the same request there; idempotent requests make that safe.
 *
 * <p>Each operation is one method taking the simulator's or the domain's own types; the wire shape (documents in
 * {@link GatewayDocuments}, inputs in {@link GatewayInputs}) stays in this package.
 */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
    private static final String UNAVAILABLE = "UNAVAILABLE";
    private static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private final HttpClient http;
    /** The replicas, all of one gateway; requests go to {@code endpoints[current]}. */
    private final List<URI> endpoints;
    private final AtomicInteger current;
    private final @Nullable String apiKey;
    private final Duration requestTimeout;
    private final RetryPolicy retries;
    private final Traffic traffic;

    public GatewayClient(URI endpoint, @Nullable String apiKey, Duration requestTimeout, RetryPolicy retries,
                         Traffic traffic) {
        this(List.of(endpoint), apiKey, requestTimeout, retries, traffic);
    }

    public GatewayClient(List<URI> endpoints, @Nullable String apiKey, Duration requestTimeout, RetryPolicy retries,
                         Traffic traffic) {
        // HTTP/1.1: no h2c upgrade dance on every POST to a plain-HTTP gateway.
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build(),
                endpoints, 0, apiKey, requestTimeout, retries, traffic);
    }

    private GatewayClient(HttpClient http, List<URI> endpoints, int current, @Nullable String apiKey,
                          Duration requestTimeout, RetryPolicy retries, Traffic traffic) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one gateway URL");
        }
        this.http = http;
        this.endpoints = List.copyOf(endpoints);
        this.current = new AtomicInteger(Math.floorMod(current, endpoints.size()));
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.traffic = traffic;
    }

    /** A client for the gateway at this URL: its base ({@code http://localhost:8080}) or its {@code /graphql}. */
    public static GatewayClient to(String url, @Nullable String apiKey) {
        return to(List.of(url), apiKey);
    }

    /** A client for a gateway of several replicas, one URL each; it starts with the first ({@link #spreadTo}). */
    public static GatewayClient to(List<String> urls, @Nullable String apiKey) {
        return new GatewayClient(urls.stream().map(GatewayClient::graphQlEndpoint).toList(), apiKey,
                DEFAULT_REQUEST_TIMEOUT, RetryPolicy.DEFAULT, new Traffic());
    }

    /**
     * The same client sending to replica {@code index} (modulo their number) first: client {@code i} of many on
     * replica {@code i mod n} spreads them evenly. It moves on to the next replica only when its own does not answer.
     */
    public GatewayClient spreadTo(int index) {
        return new GatewayClient(http, endpoints, index, apiKey, requestTimeout, retries, traffic);
    }

    /** Every replica this client may send to. */
    public List<URI> endpoints() {
        return endpoints;
    }

    static URI graphQlEndpoint(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        return URI.create(trimmed.endsWith("/graphql") ? trimmed : trimmed + "/graphql");
    }

    /** The same gateway, connections, retries and traffic count, with another API key. */
    public GatewayClient withApiKey(String otherKey) {
        return new GatewayClient(http, endpoints, current.get(), otherKey, requestTimeout, retries, traffic);
    }

    /** The replica requests go to now. */
    public URI endpoint() {
        return endpoints.get(current.get());
    }

    public Traffic traffic() {
        return traffic;
    }

    // --- administration (ADMIN key) ---------------------------------------------------------------------------

    /** Configures a game on a platform (an upsert), answering what that did. */
    public Registration configurePlatform(GameTable table, BigDecimal houseEdgePercent) {
        JsonNode payload = mutate(GatewayDocuments.CONFIGURE_PLATFORM, "configurePlatform",
                GatewayInputs.configurePlatform(table, houseEdgePercent));
        return Registration.valueOf(payload.path("registration").asString());
    }

    /** Every configured platform. */
    public List<ConfiguredPlatform> platforms() {
        List<ConfiguredPlatform> platforms = new ArrayList<>();
        for (JsonNode platform : query(GatewayDocuments.PLATFORMS, Map.of()).path("platforms")) {
            platforms.add(new ConfiguredPlatform(
                    new GameTable(platform.path("gameName").asString(), platform.path("platformCode").asString()),
                    platform.path("houseEdgePercent").decimalValue()));
        }
        return platforms;
    }

    /**
     * Issues a BOT key bound to one bot. Not idempotent (each call issues another key), so it is sent again only
     * when the gateway answered that it ran nothing (the rate limit), never after a lost answer.
     */
    public IssuedApiKey createBotKey(String label, String botId) {
        return createApiKey(GatewayInputs.createBotKey(label, botId));
    }

    /** Issues a read-only DASHBOARD key; sent again only after a rate limit, as {@link #createBotKey}. */
    public IssuedApiKey createDashboardKey(String label) {
        return createApiKey(GatewayInputs.createDashboardKey(label));
    }

    private IssuedApiKey createApiKey(GraphQlInput input) {
        JsonNode payload = call("createApiKey", GatewayDocuments.CREATE_API_KEY, Map.of("input", input.toMap()), false)
                .path("createApiKey");
        return new IssuedApiKey(payload.path("apiKey").path("id").asString(),
                payload.path("apiKey").path("prefix").asString(), payload.path("secret").asString());
    }

    /** Revokes a key; revoking a revoked key changes nothing. */
    public void revokeApiKey(String id) {
        mutate(GatewayDocuments.REVOKE_API_KEY, "revokeApiKey", new GraphQlInput().put("id", id));
    }

    // --- what a bot sends (its own BOT key) -------------------------------------------------------------------

    /** Registers the bot, or updates its configuration; idempotent. */
    public RegisteredBot registerBot(RegisterBotCommand bot) {
        JsonNode payload = mutate(GatewayDocuments.REGISTER_BOT, "registerBot", GatewayInputs.registerBot(bot));
        JsonNode registered = payload.path("bot");
        return new RegisteredBot(
                registered.path("botId").asString(),
                Registration.valueOf(payload.path("registration").asString()),
                OffsetDateTime.parse(registered.path("registeredAt").asString()).toInstant());
    }

    /** When the gateway says this session started, if it knows the session. */
    public Optional<Instant> sessionStart(String sessionId) {
        JsonNode session = query(GatewayDocuments.SESSION_START, Map.of("sessionId", sessionId)).path("session");
        return session.isObject()
                ? Optional.of(OffsetDateTime.parse(session.path("startTime").asString()).toInstant())
                : Optional.empty();
    }

    /** Where this bot left off, as the gateway holds it (restart recovery); {@code lastRounds} 0 to 500. */
    public ResumePoint resume(String botId, int lastRounds) {
        JsonNode resume = query(GatewayDocuments.RESUME, Map.of("botId", botId, "lastRounds", lastRounds)).path("resume");
        List<Integer> numbers = new ArrayList<>();
        resume.path("lastRounds").forEach(round -> numbers.add(round.path("roundNumber").asInt()));
        return new ResumePoint(textOrNull(resume.path("openSession").path("sessionId")),
                resume.path("lastRoundNumber").isNumber() ? resume.path("lastRoundNumber").asInt() : null,
                resume.path("nextRoundNumber").isNumber() ? resume.path("nextRoundNumber").asInt() : null,
                decimalOrNull(resume.path("balance")),
                numbers);
    }

    public SessionStarted startSession(SimulatedSession session) {
        JsonNode payload = mutate(GatewayDocuments.START_SESSION, "startSession", GatewayInputs.startSession(session));
        return new SessionStarted(payload.path("duplicate").asBoolean(), payload.path("session").path("status").asString());
    }

    public void heartbeat(String botId, String sessionId) {
        mutate(GatewayDocuments.HEARTBEAT, "heartbeat", GatewayInputs.heartbeat(botId, sessionId));
    }

    /** Logs one round with what was observed during it; answers whether it was a duplicate. */
    public boolean logRound(SimulatedSession session, SimulatedRound round) {
        return mutate(GatewayDocuments.LOG_ROUND, "logRound", GatewayInputs.round(session, round))
                .path("duplicate").asBoolean();
    }

    /** Logs a batch of one session's rounds, all or none. */
    public BatchLogged logRounds(SimulatedSession session, List<SimulatedRound> rounds) {
        GraphQlInput input = new GraphQlInput()
                .put("rounds", rounds.stream().map(round -> GatewayInputs.round(session, round)).toList());
        JsonNode payload = mutate(GatewayDocuments.LOG_ROUNDS, "logRounds", input);
        return new BatchLogged(payload.path("written").asInt(), payload.path("duplicates").asInt());
    }

    /** Reports the error a round met; idempotent by the event's client id. */
    public boolean logError(SimulatedSession session, SimulatedRound round, ErrorEvent error) {
        return mutate(GatewayDocuments.LOG_ERROR, "logError", GatewayInputs.error(session, round, error))
                .path("duplicate").asBoolean();
    }

    /** Reports the OCR read of the balance as the session ended ({@code logOcrValidation}); idempotent. */
    public boolean logBalanceRead(SimulatedSession session) {
        return mutate(GatewayDocuments.LOG_OCR_VALIDATION, "logOcrValidation", GatewayInputs.balanceRead(session))
                .path("duplicate").asBoolean();
    }

    /** Logs a simulated model's prediction; idempotent by its prediction id. Answers its status as judged. */
    public String logPrediction(SimulatedPrediction prediction) {
        return mutate(GatewayDocuments.LOG_PREDICTION, "logPrediction", GatewayInputs.prediction(prediction))
                .path("prediction").path("status").asString();
    }

    /** Ends the session as it ended in the simulation; answers whether it had already ended so. */
    public boolean endSession(SimulatedSession session) {
        return mutate(GatewayDocuments.END_SESSION, "endSession", GatewayInputs.endSession(session))
                .path("duplicate").asBoolean();
    }

    // --- the wire ------------------------------------------------------------------------------------------------

    /** Runs a mutation of the gateway's shape {@code field(input: ...)} and returns its payload. */
    JsonNode mutate(String document, String field, GraphQlInput input) {
        JsonNode payload = call(field, document, Map.of("input", input.toMap()), true).path(field);
        if (payload.isMissingNode() || payload.isNull()) {
            throw new GatewayException(200, "the gateway answered no " + field + " payload");
        }
        return payload;
    }

    /**
     * Sends a query (or any idempotent document) with its variables and returns the response's {@code data}.
     *
     * @throws GatewayException when the response has errors, is not a GraphQL response, or never comes
     */
    public JsonNode query(String document, Map<String, ?> variables) {
        return call("query", document, variables, true);
    }

    private JsonNode call(String operation, String document, Map<String, ?> variables, boolean idempotent) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        String body = JSON.writeValueAsString(request);
        int failures = 0;
        long rateLimitWaitMillis = 0;
        while (true) {
            traffic.sent(operation);
            try {
                return answerTo(send(body));
            } catch (ToldToWait limited) {
                rateLimitWaitMillis += limited.waitMillis;
                if (rateLimitWaitMillis > retries.maxRateLimitWait().toMillis()) {
                    throw new GatewayException(limited.httpStatus, (limited.reason == RetryReason.RATE_LIMITED
                            ? "still over the rate limit" : "the gateway's database is still unavailable")
                            + " after waiting "
                            + Duration.ofMillis(rateLimitWaitMillis - limited.waitMillis).toSeconds() + " s: "
                            + limited.getMessage());
                }
                traffic.retried(limited.reason);
                traffic.waitedForRateLimit(limited.waitMillis);
                pause(limited.waitMillis);
            } catch (GatewayException failure) {
                RetryReason reason = retryReason(failure);
                failures++;
                if (reason == null || !idempotent || failures >= retries.maxAttempts()) {
                    throw failures > 1 ? failure.after(failures) : failure;
                }
                traffic.retried(reason);
                if (reason == RetryReason.NO_ANSWER) {
                    failOver();
                }
                pause(retries.backoffAfter(failures).toMillis());
            }
        }
    }

    /** Why a failed request may be sent again unchanged, or null when sending it again cannot help. */
    private static @Nullable RetryReason retryReason(GatewayException failure) {
        if (failure instanceof Interrupted) {
            return null;
        }
        int status = failure.httpStatus();
        if (status == GatewayException.NO_ANSWER) {
            return RetryReason.NO_ANSWER;
        }
        boolean internal = failure.errors().stream().anyMatch(error -> INTERNAL_ERROR.equals(error.classification()));
        return status == 500 || status == 502 || status == 503 || status == 504 || internal
                ? RetryReason.SERVER_ERROR : null;
    }

    private JsonNode answerTo(HttpResponse<String> response) {
        JsonNode answer = parse(response);
        List<GraphQlError> errors = errorsIn(answer);
        if (response.statusCode() == 429 || errors.stream().anyMatch(e -> TOO_MANY_REQUESTS.equals(e.classification()))) {
            throw new ToldToWait(RetryReason.RATE_LIMITED, 429, retryAfterMillis(answer, response), errors);
        }
        // The database was away: what failed was not applied, and the gateway said when to come back.
        if (errors.stream().anyMatch(e -> UNAVAILABLE.equals(e.classification()))) {
            throw new ToldToWait(RetryReason.UNAVAILABLE, response.statusCode(), retryAfterMillis(answer, response), errors);
        }
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

    /** {@code extensions.retryAfterSeconds}, else the {@code Retry-After} header, else a second. */
    private static long retryAfterMillis(JsonNode answer, HttpResponse<String> response) {
        for (JsonNode error : answer.path("errors")) {
            JsonNode seconds = error.path("extensions").path("retryAfterSeconds");
            if (seconds.isNumber()) {
                return Math.max(0, seconds.asLong()) * 1000;
            }
        }
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Math.max(0, Long.parseLong(value.strip())) * 1000;
            } catch (NumberFormatException e) {
                return 1000L;
            }
        }).orElse(1000L);
    }

    /** The replica did not answer: the next one gets this request and the ones after it. */
    private void failOver() {
        if (endpoints.size() > 1) {
            current.updateAndGet(index -> (index + 1) % endpoints.size());
        }
    }

    private HttpResponse<String> send(String body) {
        URI endpoint = endpoint();
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
            throw new Interrupted(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(e);
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

    private static @Nullable BigDecimal decimalOrNull(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : node.isString() ? new BigDecimal(node.asString()) : null;
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

    /** The gateway refused the request for the key's rate limit: nothing ran. */
    /** The gateway ran nothing and said when to send the same request again (rate limit, database away). */
    private static final class ToldToWait extends RuntimeException {

        private final RetryReason reason;
        private final int httpStatus;
        private final long waitMillis;

        ToldToWait(RetryReason reason, int httpStatus, long waitMillis, List<GraphQlError> errors) {
            super(errors.isEmpty() ? "too many requests" : errors.get(0).message(), null, false, false);
            this.reason = reason;
            this.httpStatus = httpStatus;
            this.waitMillis = waitMillis;
        }
    }

    /** The thread was interrupted while sending or waiting: not the gateway's failure, and not worth a retry. */
    private static final class Interrupted extends GatewayException {

        Interrupted(InterruptedException cause) {
            super(NO_ANSWER, "interrupted while talking to the gateway", cause);
        }
    }
}
