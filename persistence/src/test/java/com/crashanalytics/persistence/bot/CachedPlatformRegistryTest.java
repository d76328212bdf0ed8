package com.crashanalytics.persistence.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crashanalytics.domain.bot.Game;
import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformRegistry;
import org.junit.jupiter.api.Test;

/**
 * The caching rules, over a registry kept in a map that counts its lookups (the SQL behind it is the one
 * {@code JdbcPlatformRegistry} always ran; the end-to-end tests go through both).
 */
class CachedPlatformRegistryTest {

    private static final PlatformRegistry.PlatformKey DAFABET = new PlatformRegistry.PlatformKey("aviator", "dafabet");
    private static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final CountingRegistry store = new CountingRegistry();
    private long now;
    private final CachedPlatformRegistry cache = new CachedPlatformRegistry(store, MAX_AGE, () -> now);

    @Test
    void aPlatformFoundOnceIsServedFromMemory() {
        store.put(platform("10000"));

        cache.findAll(List.of(DAFABET));
        Optional<Platform> again = cache.find("aviator", "dafabet");

        assertThat(again).map(Platform::maxMultiplier).contains(new BigDecimal("10000"));
        assertThat(store.lookups).isEqualTo(1);
    }

    @Test
    void aPlatformNotFoundIsLookedUpAgain() {
        assertThat(cache.find("aviator", "dafabet")).isEmpty();
        store.put(platform(null)); // configured meanwhile, maybe by another gateway

        assertThat(cache.find("aviator", "dafabet")).isPresent();
    }

    @Test
    void savingAConfigurationEmptiesTheCache() {
        store.put(platform(null));
        cache.find("aviator", "dafabet");

        cache.save(platform("500"));

        assertThat(cache.find("aviator", "dafabet")).map(Platform::maxMultiplier).contains(new BigDecimal("500"));
        assertThat(store.lookups).isEqualTo(2);
    }

    @Test
    void aLookupThatRacedWithASaveIsNotKept() {
        store.put(platform(null));
        // the save lands while the lookup is in the database: what the lookup read may be the old configuration
        store.duringNextLookup = () -> cache.save(platform("500"));

        cache.find("aviator", "dafabet");
        cache.find("aviator", "dafabet");

        assertThat(store.lookups).isEqualTo(2);
    }

    @Test
    void anEntryOlderThanTheMaximumAgeIsLookedUpAgain() {
        store.put(platform(null));
        cache.find("aviator", "dafabet");

        now += MAX_AGE.toNanos() - 1;
        cache.find("aviator", "dafabet");
        assertThat(store.lookups).isEqualTo(1);

        now += 1;
        cache.find("aviator", "dafabet");
        assertThat(store.lookups).isEqualTo(2);
    }

    private static Platform platform(String maxMultiplier) {
        Instant at = Instant.parse("2026-11-21T14:00:00Z");
        return new Platform(new Game("aviator", "Aviator", "Spribe", new BigDecimal("3"), true), "dafabet", null, "USD",
                new BigDecimal("3"), BigDecimal.ONE, maxMultiplier == null ? null : new BigDecimal(maxMultiplier), true,
                at, at);
    }

    /** Platforms in a map; counts the lookups that reach it. */
    private static final class CountingRegistry implements PlatformRegistry {
        private final Map<PlatformKey, Platform> platforms = new HashMap<>();
        int lookups;
        Runnable duringNextLookup = () -> { };

        void put(Platform platform) {
            platforms.put(new PlatformKey(platform.gameName(), platform.platformCode()), platform);
        }

        @Override
        public List<Platform> findAll(Collection<PlatformKey> keys) {
            lookups++;
            List<Platform> found = new ArrayList<>();
            keys.forEach(key -> Optional.ofNullable(platforms.get(key)).ifPresent(found::add));
            Runnable during = duringNextLookup;
            duringNextLookup = () -> { };
            during.run();
            return found;
        }

        @Override
        public Platform save(Platform platform) {
            put(platform);
            return platform;
        }

        @Override
        public Optional<Platform> find(String gameName, String platformCode) {
            return Optional.ofNullable(platforms.get(new PlatformKey(gameName, platformCode)));
        }

        @Override
        public Optional<Platform> findForUpdate(String gameName, String platformCode) {
            return find(gameName, platformCode);
        }

        @Override
        public Optional<Game> findGame(String gameName) {
            return Optional.empty();
        }

        @Override
        public Game registerGame(Game game) {
            return game;
        }

        @Override
        public List<Platform> all() {
            return List.copyOf(platforms.values());
        }
    }
}
