package com.crashanalytics.domain.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates every request, so it is built for the hot path: one indexed read by hash, no write. Nothing is
 * cached: a revoked key is refused from the very next request, on every gateway instance. When a key was last
 * used is written at most once a minute per key and instance, not on every request.
 */
public final class ApiKeyAuthenticationService implements AuthenticateApiKeyUseCase {

    /** How stale {@link ApiKey#lastUsedAt()} may be; also bounds the writes it costs. */
    public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);
    /** No key of ours is this long; anything longer is refused before hashing. */
    static final int MAX_PRESENTED_LENGTH = 512;

    private final ApiKeyRegistry registry;
    private final Clock clock;
    private final EnvironmentAdminKey environmentAdmin;
    private final Map<UUID, Instant> useRecordedAt = new ConcurrentHashMap<>();

    public ApiKeyAuthenticationService(ApiKeyRegistry registry, Clock clock, EnvironmentAdminKey environmentAdmin) {
        this.registry = registry;
        this.clock = clock;
        this.environmentAdmin = environmentAdmin;
    }

    @Override
    public Optional<ApiKey> authenticate(String presentedKey) {
        if (presentedKey.isEmpty() || presentedKey.length() > MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        ApiKeyHash presented = ApiKeyHash.of(presentedKey);
        Optional<ApiKey> admin = environmentAdmin.match(presented);
        if (admin.isPresent()) {
            return admin;
        }
        Optional<ApiKey> key = registry.findByHash(presented)
                .filter(stored -> stored.hash().matches(presented))
                .map(ApiKeyRegistry.StoredApiKey::key)
                .filter(stored -> !stored.isRevoked());
        key.ifPresent(this::noteUse);
        return key;
    }

    /** Records the use unless this instance recorded one less than a minute ago; one thread wins the race. */
    private void noteUse(ApiKey key) {
        Instant now = clock.instant();
        Instant previous = useRecordedAt.get(key.id());
        if (previous != null && now.isBefore(previous.plus(USE_RECORDING_INTERVAL))) {
            return;
        }
        boolean won = previous == null
                ? useRecordedAt.putIfAbsent(key.id(), now) == null
                : useRecordedAt.replace(key.id(), previous, now);
        if (won) {
            registry.recordUse(key.id(), now);
        }
    }
}
