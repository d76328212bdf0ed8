package com.crashanalytics.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The admin key an operator may set in the environment ({@code GATEWAY_ADMIN_KEY}), or its absence. It lives in
 * the environment only, never in the database: rotating it is changing the variable, and it cannot be revoked
 * through the API. It must be long enough to be unguessable (at least 32 characters, e.g. the output of
 * {@code openssl rand -hex 32}).
 */
public final class EnvironmentAdminKey {

    public static final int MIN_LENGTH = 32;
    /** Stands for this key wherever a key id is needed (rate limiting, logs); no stored key has it. */
    public static final UUID ID = new UUID(0, 0);

    private final @Nullable ApiKeyHash hash;
    private final @Nullable ApiKey key;

    private EnvironmentAdminKey(@Nullable ApiKeyHash hash, @Nullable ApiKey key) {
        this.hash = hash;
        this.key = key;
    }

    /** The configured key; none when the setting is absent or blank. */
    public static EnvironmentAdminKey of(@Nullable String secret, Instant since) {
        if (secret == null || secret.isBlank()) {
            return new EnvironmentAdminKey(null, null);
        }
        if (secret.length() < MIN_LENGTH || !secret.strip().equals(secret)) {
            throw new IllegalArgumentException("GATEWAY_ADMIN_KEY must be at least " + MIN_LENGTH
                    + " characters without surrounding whitespace, e.g. the output of `openssl rand -hex 32`");
        }
        return new EnvironmentAdminKey(ApiKeyHash.of(secret),
                new ApiKey(ID, "GATEWAY_ADMIN_KEY", ApiKeyRole.ADMIN, "(environment)", List.of(), since, null, null));
    }

    public boolean isConfigured() {
        return key != null;
    }

    /** The admin key, if this is the configured key. */
    Optional<ApiKey> match(ApiKeyHash presented) {
        return hash != null && hash.matches(presented) ? Optional.ofNullable(key) : Optional.empty();
    }
}
