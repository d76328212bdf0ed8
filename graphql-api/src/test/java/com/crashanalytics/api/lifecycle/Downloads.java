package com.crashanalytics.api.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.crashanalytics.api.testing.TestApiKeys;
import org.jspecify.annotations.Nullable;

/** GET requests to the gateway's export endpoints over HTTP/1.1 (so chunked transfer shows in the headers). */
final class Downloads {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    Downloads(int port) {
        this.port = port;
    }

    /** The whole answer as text, sent with the test admin key. */
    HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, TestApiKeys.ADMIN);
    }

    HttpResponse<String> get(String pathAndQuery, @Nullable String apiKey) {
        return send(pathAndQuery, apiKey, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer as a stream, read as it arrives. */
    HttpResponse<InputStream> open(String pathAndQuery) {
        return send(pathAndQuery, TestApiKeys.ADMIN, HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> send(String pathAndQuery, @Nullable String apiKey, HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
