package com.crashanalytics.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The rules of authentication that do not depend on SQL: revoked keys, the environment's admin key, and how
 * rarely a use is written. (The SQL side is exercised end to end in the gateway's integration tests.)
 */
class ApiKeyAuthenticationServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static final EnvironmentAdminKey NO_ENVIRONMENT_ADMIN = EnvironmentAdminKey.of(null, T0);

    private final KeysInMemory registry = new KeysInMemory();
    private final MutableClock clock = new MutableClock(T0);

    @Test
    void aKnownKeyAuthenticatesAndAnUnknownOneDoesNot() {
        ApiKeySecret secret = registry.store(ApiKeyRole.DASHBOARD, null);
        ApiKeyAuthenticationService service = new ApiKeyAuthenticationService(registry, clock, NO_ENVIRONMENT_ADMIN);

        assertThat(service.authenticate(secret.reveal())).map(ApiKey::role).contains(ApiKeyRole.DASHBOARD);
        assertThat(service.authenticate(ApiKeySecret.generate().reveal())).isEmpty();
        assertThat(service.authenticate("")).isEmpty();
        assertThat(service.authenticate("x".repeat(10_000))).isEmpty();
    }

    @Test
    void aRevokedKeyIsRefused() {
        ApiKeySecret secret = registry.store(ApiKeyRole.DASHBOARD, T0.minusSeconds(1));

        assertThat(new ApiKeyAuthenticationService(registry, clock, NO_ENVIRONMENT_ADMIN).authenticate(secret.reveal())).isEmpty();
    }

    @Test
    void theEnvironmentsAdminKeyAuthenticatesWithoutBeingStored() {
        String adminKey = "0123456789abcdef0123456789abcdef";
        ApiKeyAuthenticationService service = new ApiKeyAuthenticationService(registry, clock,
                EnvironmentAdminKey.of(adminKey, T0));

        Optional<ApiKey> admin = service.authenticate(adminKey);

        assertThat(admin).map(ApiKey::role).contains(ApiKeyRole.ADMIN);
        assertThat(admin).map(ApiKey::id).contains(EnvironmentAdminKey.ID);
        assertThat(registry.uses).isEmpty();
    }

    @Test
    void aShortEnvironmentAdminKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> EnvironmentAdminKey.of("admin", T0)).hasMessageContaining("at least 32");
        assertThat(EnvironmentAdminKey.of(" ", T0).isConfigured()).isFalse();
    }

    @Test
    void aUseIsWrittenAtMostOnceAMinutePerKey() {
        ApiKeySecret secret = registry.store(ApiKeyRole.BOT, null);
        ApiKeyAuthenticationService service = new ApiKeyAuthenticationService(registry, clock, NO_ENVIRONMENT_ADMIN);

        for (int i = 0; i < 100; i++) {
            service.authenticate(secret.reveal());
        }
        clock.advance(Duration.ofSeconds(59));
        service.authenticate(secret.reveal());
        clock.advance(Duration.ofSeconds(1));
        service.authenticate(secret.reveal());

        // 102 requests over one minute: written on the first, and again once the minute had passed.
        assertThat(registry.uses).containsExactly(T0, T0.plusSeconds(60));
    }

    /** The registry as a map: enough to state the service's own rules. */
    private static final class KeysInMemory implements ApiKeyRegistry {

        private final Map<ApiKeyHash, StoredApiKey> byHash = new HashMap<>();
        private final List<Instant> uses = new ArrayList<>();

        ApiKeySecret store(ApiKeyRole role, Instant revokedAt) {
            ApiKeySecret secret = ApiKeySecret.generate();
            ApiKey key = new ApiKey(UUID.randomUUID(), "test", role, secret.visiblePrefix(),
                    role == ApiKeyRole.BOT ? List.of("bot_a") : List.of(), T0, null, revokedAt);
            add(key, secret.hash());
            return secret;
        }

        @Override
        public void add(ApiKey key, ApiKeyHash hash) {
            byHash.put(hash, new StoredApiKey(key, hash));
        }

        @Override
        public Optional<StoredApiKey> findByHash(ApiKeyHash hash) {
            return Optional.ofNullable(byHash.get(hash));
        }

        @Override
        public void recordUse(UUID id, Instant at) {
            uses.add(at);
        }

        @Override
        public Optional<ApiKey> findForUpdate(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ApiKey revoke(UUID id, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int countActiveAdmins() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiKey> list(boolean includeRevoked) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void lockKeyManagement() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
