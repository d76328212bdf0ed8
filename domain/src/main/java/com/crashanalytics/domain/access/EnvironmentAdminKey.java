package com.crashanalytics.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The admin key an operator sets in the environment ({@code GATEWAY_ADMIN_KEY}). It lives in the environment
 * only, never in the database: rotating it is changing the variable, and it cannot be revoked through the API.
 * It must be long enough to be unguessable (at least 32 characters, e.g. {@code openssl rand -hex 32}).
 */
public final class EnvironmentAdminKey {

    public static final int MIN_LENGTH = 32;
    /** Stands for this key wherever a key id is needed (rate limiting, logs); no stored key has it. */
    public static final UUID ID = new UUID(0, 0);

    private final ApiKeyHash hash;
    private final ApiKey key;

    public EnvironmentAdminKey(String secret, Instant since) {
        if (secret.length() < MIN_LENGTH || !secret.strip().equals(secret)) {
            throw new IllegalArgumentException("GATEWAY_ADMIN_KEY must be at least " + MIN_LENGTH
                    + " characters without surrounding whitespace, e.g. the output of `openssl rand -hex 32`");
        }
        this.hash = ApiKeyHash.of(secret);
        this.key = new ApiKey(ID, "GATEWAY_ADMIN_KEY", ApiKeyRole.ADMIN, "(environment)", List.of(), since, null, null);
    }

    boolean matches(ApiKeyHash presented) {
        return hash.matches(presented);
    }

    ApiKey key() {
        return key;
    }
}
