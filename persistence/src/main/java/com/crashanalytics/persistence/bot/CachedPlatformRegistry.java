package com.crashanalytics.persistence.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.crashanalytics.domain.bot.Game;
import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform registry with the platforms that rounds and sessions look up kept in memory: every logged round
 * checks that its game is configured on its platform and reads the platform's multiplier range, and platforms are
 * configured a few times a year.
 * <ul>
 *   <li>Only platforms found are kept: one configured a moment ago (by this gateway or another) is found at once.</li>
 *   <li>A configuration saved through this registry empties the cache when saved and again when its transaction
 *       ends, and a lookup that raced with it is not kept, so this gateway never serves the old configuration after
 *       the new one is committed.</li>
 *   <li>A configuration saved by another gateway replica empties this cache when its notification arrives
 *       ({@link #forgetAll}, called by the replica's {@code PlatformChangeListener}: milliseconds after the commit),
 *       and at the latest after {@code maxAge}, the safety net for a notification missed while the listening
 *       connection was lost. A change can only alter a platform's house edge, multiplier range, URL or currency
 *       (platforms are never removed), so in the meantime a round could at worst be flagged by the old range.</li>
 * </ul>
 * Locking reads ({@link #findForUpdate}) and listings ({@link #all}) always go to the database.
 */
public class CachedPlatformRegistry implements PlatformRegistry {

    private final PlatformRegistry registry;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<PlatformKey, Cached> platforms = new ConcurrentHashMap<>();
    /** Moves on every invalidation: a lookup that started before one must not refill the cache. */
    private final AtomicLong generation = new AtomicLong();

    public CachedPlatformRegistry(PlatformRegistry registry, Duration maxAge) {
        this(registry, maxAge, System::nanoTime);
    }

    CachedPlatformRegistry(PlatformRegistry registry, Duration maxAge, LongSupplier nanoTime) {
        this.registry = registry;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<Platform> find(String gameName, String platformCode) {
        return findAll(List.of(new PlatformKey(gameName, platformCode))).stream().findFirst();
    }

    @Override
    public List<Platform> findAll(Collection<PlatformKey> keys) {
        long now = nanoTime.getAsLong();
        List<Platform> found = new ArrayList<>(keys.size());
        List<PlatformKey> missing = new ArrayList<>();
        for (PlatformKey key : keys) {
            Cached cached = platforms.get(key);
            if (cached != null && now - cached.storedAt() < maxAgeNanos) {
                found.add(cached.platform());
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            long before = generation.get();
            List<Platform> loaded = registry.findAll(missing);
            if (generation.get() == before) {
                loaded.forEach(platform -> platforms.put(keyOf(platform), new Cached(platform, now)));
            }
            found.addAll(loaded);
        }
        return found;
    }

    @Override
    public Optional<Platform> findForUpdate(String gameName, String platformCode) {
        return registry.findForUpdate(gameName, platformCode);
    }

    @Override
    public Platform save(Platform platform) {
        invalidate();
        return registry.save(platform);
    }

    @Override
    public Optional<Game> findGame(String gameName) {
        return registry.findGame(gameName);
    }

    @Override
    public Game registerGame(Game game) {
        invalidate(); // a platform carries its game
        return registry.registerGame(game);
    }

    @Override
    public List<Platform> all() {
        return registry.all();
    }

    /** Empties the cache now and, inside a transaction, again once it has committed or rolled back. */
    private void invalidate() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    /** Forgets every cached platform: another replica (or anyone with SQL) changed one. */
    public void forgetAll() {
        clear();
    }

    private void clear() {
        generation.incrementAndGet();
        platforms.clear();
    }

    private static PlatformKey keyOf(Platform platform) {
        return new PlatformKey(platform.gameName(), platform.platformCode());
    }

    private record Cached(Platform platform, long storedAt) {
    }
}
