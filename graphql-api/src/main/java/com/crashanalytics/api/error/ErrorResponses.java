package com.crashanalytics.api.error;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers that are refused before GraphQL runs (no key, too big, too many) still look like GraphQL answers, so a
 * client reads every error the same way: {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}}.
 */
public final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** 401: no key, or a key the gateway does not accept. */
    public void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"crash-analytics-gateway\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorType.UNAUTHORIZED, message, Map.of());
    }

    /** 403: a valid key whose role may not do this. */
    public void forbidden(HttpServletResponse response, String message) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, ErrorType.FORBIDDEN, message, Map.of());
    }

    /** 413: a request body over the limit; nothing of it was parsed. */
    public void tooLarge(HttpServletResponse response, long limit) throws IOException {
        write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorType.BAD_REQUEST,
                "the request body is larger than " + limit + " bytes (GATEWAY_MAX_REQUEST_SIZE)",
                Map.of("limit", "maxRequestSize", "max", limit));
    }

    /** 400: a body that is not a JSON object of well-formed text; {@code field} names the member, when there is one. */
    public void badBody(HttpServletResponse response, String message, String field, String rule) throws IOException {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (field != null) {
            extensions.put("field", field);
        }
        extensions.put("rule", rule);
        write(response, HttpServletResponse.SC_BAD_REQUEST, ErrorType.BAD_REQUEST, message, extensions);
    }

    /** 408, and the connection closed: the body did not arrive in time (a client that trickles it holds a thread). */
    public void bodyTooSlow(HttpServletResponse response, java.time.Duration limit) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        write(response, HttpServletResponse.SC_REQUEST_TIMEOUT, ErrorType.BAD_REQUEST,
                "the request body did not arrive within " + limit.toSeconds() + " s (GATEWAY_MAX_BODY_TIME)",
                Map.of("limit", "maxBodyTime", "max", limit.toSeconds()));
    }

    /** 429: this address already has as many request bodies in transit as it may. */
    public void tooManyBodies(HttpServletResponse response, int limit) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        write(response, 429, GatewayErrorType.TOO_MANY_REQUESTS, "this address already has " + limit
                        + " request bodies in transit (GATEWAY_MAX_BODIES_PER_ADDRESS); retry after 1 s",
                Map.of("limit", "maxBodiesPerAddress", "max", limit, "retryAfterSeconds", 1));
    }

    /** 429 with {@code Retry-After}: the key's allowance is spent for now. */
    public void tooManyRequests(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, 429, GatewayErrorType.TOO_MANY_REQUESTS, tooManyRequestsMessage(retryAfterSeconds),
                Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    /** 503 with {@code Retry-After}: the database is away; the same request may be sent again. */
    public void unavailable(HttpServletResponse response, String during, Throwable cause) throws IOException {
        String errorId = DatabaseAvailability.logged(log, during, cause);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseAvailability.RETRY_AFTER_SECONDS));
        write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, GatewayErrorType.UNAVAILABLE,
                DatabaseAvailability.message(errorId), DatabaseAvailability.extensions(errorId));
    }

    public static String tooManyRequestsMessage(long retryAfterSeconds) {
        return "too many requests for this API key; retry after " + retryAfterSeconds + " s";
    }

    private void write(HttpServletResponse response, int status, ErrorClassification classification, String message,
                       Map<String, Object> extensions) throws IOException {
        Map<String, Object> allExtensions = new LinkedHashMap<>();
        allExtensions.put("classification", classification.toString());
        allExtensions.putAll(extensions);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", allExtensions);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(Map.of("errors", List.of(error))));
    }
}
