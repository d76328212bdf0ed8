package com.crashanalytics.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: where API keys are kept, as hashes. */
public interface ApiKeyRegistry {

    void add(ApiKey key, ApiKeyHash hash);

    /** The key with this hash, with the hash as stored (for a constant-time comparison), revoked or not. */
    Optional<StoredApiKey> findByHash(ApiKeyHash hash);

    /** The key with this id, locked until the current transaction ends. */
    Optional<ApiKey> findForUpdate(UUID id);

    /** Marks the key revoked at that time; returns it as stored. */
    ApiKey revoke(UUID id, Instant at);

    /**
     * Notes that the key was used at that time, unless a use less than a minute older is already noted (so
     * several gateway instances write at most about once a minute per key between them).
     */
    void recordUse(UUID id, Instant at);

    int countActiveAdmins();

    /** Every key, newest first; revoked ones only when asked. */
    List<ApiKey> list(boolean includeRevoked);

    /**
     * Serializes key management across gateway instances until the current transaction ends, so that "is there
     * still an admin?" and the change that follows are decided together.
     */
    void lockKeyManagement();

    /** A key as stored: what it is and the hash it is found by. */
    record StoredApiKey(ApiKey key, ApiKeyHash hash) {
    }
}
