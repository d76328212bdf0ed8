package com.crashanalytics.api.security.authentication;

import java.util.Map;

import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Reads the key from a WebSocket {@code connection_init} payload, {@code {"Authorization": "Bearer <key>"}}.
 * Unlike Spring's default extractor, a connection without a key is refused (closed with 4401), not let in as
 * anonymous: every GraphQL operation needs a key.
 */
final class ConnectionInitKeyExtractor implements AuthenticationExtractor {

    static final String PAYLOAD_KEY = "Authorization";

    @Override
    public Mono<Authentication> getAuthentication(Map<String, Object> payload) {
        Object authorization = payload.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(PAYLOAD_KEY))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (!(authorization instanceof String value)) {
            return Mono.error(new BadCredentialsException(
                    "connection_init must carry {\"Authorization\": \"Bearer <key>\"}"));
        }
        try {
            return Mono.justOrEmpty(BearerKeys.parse(value)).map(ApiKeyAuthentication::presented);
        } catch (BadCredentialsException malformed) {
            return Mono.error(malformed);
        }
    }
}
