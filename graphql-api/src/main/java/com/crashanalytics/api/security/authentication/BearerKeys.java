package com.crashanalytics.api.security.authentication;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;

/** Reads {@code Bearer <key>}, the one way a client presents its key (HTTP header or connection_init payload). */
public final class BearerKeys {

    public static final String EXPECTED = "send the API key as 'Authorization: Bearer <key>'";

    private BearerKeys() {
    }

    /** The key, or empty when no Authorization was sent; a malformed one is refused. */
    static Optional<String> parse(@Nullable String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7) || value.substring(7).isBlank()) {
            throw new BadCredentialsException(EXPECTED);
        }
        return Optional.of(value.substring(7).strip());
    }
}
