package com.crashanalytics.domain.access;

import java.util.UUID;

import com.crashanalytics.domain.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Revoke the key with this id. */
public record RevokeApiKeyCommand(UUID id) {

    /** From the id as a client sends it. */
    public static RevokeApiKeyCommand of(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw InvalidInputException.of("id", "REQUIRED", "must not be blank");
        }
        try {
            return new RevokeApiKeyCommand(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", "UUID", "must be the id of an API key, a UUID (got '" + id + "')");
        }
    }
}
