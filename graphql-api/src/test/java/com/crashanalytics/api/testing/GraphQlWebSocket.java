package com.crashanalytics.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real GraphQL-over-WebSocket client (the JDK's WebSocket, subprotocol {@code graphql-transport-ws}), as a bot
 * using e.g. Python's gql would connect: {@code connection_init} with the key, then {@code subscribe} messages.
 */
public final class GraphQlWebSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30); // generous: CI machines are shared and slow

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private int nextId = 1;

    private GraphQlWebSocket(int port) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new Listener())
                .join();
    }

    /** Connects and sends {@code connection_init} with this payload (e.g. {@code {"Authorization": "Bearer …"}}). */
    public static GraphQlWebSocket connect(int port, Map<String, Object> initPayload) {
        GraphQlWebSocket client = new GraphQlWebSocket(port);
        client.send(Map.of("type", "connection_init", "payload", initPayload));
        return client;
    }

    /** Opens the socket and sends nothing, as a client that never says {@code connection_init}. */
    public static GraphQlWebSocket connectWithoutInit(int port) {
        return new GraphQlWebSocket(port);
    }

    /** Connects with {@code {"Authorization": "Bearer <key>"}}. */
    public static GraphQlWebSocket connectWithKey(int port, String apiKey) {
        return connect(port, Map.of("Authorization", "Bearer " + apiKey));
    }

    /** The next message from the server, or null if none comes within 30 s. */
    public JsonNode nextMessage() throws InterruptedException {
        return messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The next event of subscription {@code id}: asserts that a {@code next} message of it, without errors, comes
     * within 30 s, and returns its {@code data.<field>}.
     */
    public JsonNode nextEvent(String id, String field) throws InterruptedException {
        JsonNode message = nextMessage();
        assertThat(message).as("an event within 30 s").isNotNull();
        assertThat(message.path("id").asString()).isEqualTo(id);
        assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
        assertThat(message.path("payload").path("errors").isMissingNode()).as(message.toString()).isTrue();
        return message.path("payload").path("data").path(field);
    }

    /** Sends one operation and returns its result: the payload of its {@code next} message (data and errors). */
    public JsonNode execute(String document, Map<String, Object> variables) throws InterruptedException {
        String id = Integer.toString(nextId++);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", document);
        payload.put("variables", variables);
        send(Map.of("id", id, "type", "subscribe", "payload", payload));
        JsonNode message = nextMessage();
        if (message == null || !id.equals(message.path("id").asString())) {
            throw new IllegalStateException("expected the result of operation " + id + ", got " + message);
        }
        if ("next".equals(message.path("type").asString())) {
            JsonNode complete = nextMessage();
            if (complete == null || !"complete".equals(complete.path("type").asString())) {
                throw new IllegalStateException("expected complete after next, got " + complete);
            }
            return message.path("payload");
        }
        return message; // an "error" message: its payload is the list of errors
    }

    /** Starts a subscription; its messages come from {@link #nextMessage()} ({@code next}, then {@code error} or {@code complete}). */
    public String subscribe(String document, Map<String, Object> variables) {
        String id = Integer.toString(nextId++);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", document);
        payload.put("variables", variables);
        send(Map.of("id", id, "type", "subscribe", "payload", payload));
        return id;
    }

    /** Ends a subscription from the client's side. */
    public void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    /** The next message, or null if none comes within {@code millis}: to show that nothing (more) arrives. */
    public JsonNode nextMessageWithin(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits for {@code connection_ack}. */
    public GraphQlWebSocket acknowledged() throws InterruptedException {
        JsonNode ack = nextMessage();
        if (ack == null || !"connection_ack".equals(ack.path("type").asString())) {
            throw new IllegalStateException("expected connection_ack, got " + ack);
        }
        return this;
    }

    /** The close code the server sent, waiting up to 30 s for it. */
    public int closeCode() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /**
     * Stops reading from the socket, as a client too slow to keep up would: the server's writes back up (the
     * socket buffers fill) until {@link #resumeReading()}.
     */
    public void pauseReading() {
        paused = true;
    }

    public void resumeReading() {
        paused = false;
        socket.request(1);
    }

    private volatile boolean paused;

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
