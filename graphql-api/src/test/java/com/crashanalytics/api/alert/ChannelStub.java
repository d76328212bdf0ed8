package com.crashanalytics.api.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server on a free port that plays the three channels: a generic webhook at {@code /hook}, a Slack
 * incoming webhook at {@code /slack}, and the Telegram Bot API at {@code /bot<token>/sendMessage}. It records every
 * request and answers each path with the statuses queued for it, then 200.
 */
final class ChannelStub implements AutoCloseable {

    static final String TELEGRAM_TOKEN = "123456:telegram-test-token";
    static final String WEBHOOK_SECRET = "webhook-signing-secret-for-tests";

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();

    ChannelStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
            }
            Deque<Integer> queued = statuses.get(path);
            Integer polled = queued == null ? null : queued.poll();
            int status = polled == null ? 200 : polled;
            byte[] answer = (status == 200 ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"stub says " + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these statuses, in order (then 200). */
    void answer(String path, Integer... statusesInOrder) {
        statuses.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(statusesInOrder));
    }

    List<Request> requestsTo(String path) {
        synchronized (requests) {
            return requests.stream().filter(request -> request.path().equals(path)).toList();
        }
    }

    int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    void reset() {
        synchronized (requests) {
            requests.clear();
        }
        statuses.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A request as the stub received it. */
    record Request(String method, String path, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }
}
