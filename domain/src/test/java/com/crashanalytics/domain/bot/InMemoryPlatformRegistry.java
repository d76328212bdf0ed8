package com.crashanalytics.domain.bot;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PlatformRegistry} in maps, for testing use cases inside the hexagon. Locks are not modelled. */
public final class InMemoryPlatformRegistry implements PlatformRegistry {

    private final Map<String, Game> games = new ConcurrentHashMap<>();
    private final Map<PlatformKey, Platform> platforms = new ConcurrentHashMap<>();

    @Override
    public Optional<Game> findGame(String gameName) {
        return Optional.ofNullable(games.get(gameName));
    }

    @Override
    public Game registerGame(Game game) {
        return games.computeIfAbsent(game.gameName(), name -> game);
    }

    @Override
    public Optional<Platform> find(String gameName, String platformCode) {
        return Optional.ofNullable(platforms.get(new PlatformKey(gameName, platformCode)));
    }

    @Override
    public List<Platform> findAll(Collection<PlatformKey> keys) {
        return keys.stream().distinct().map(platforms::get).filter(platform -> platform != null).toList();
    }

    @Override
    public Optional<Platform> findForUpdate(String gameName, String platformCode) {
        return find(gameName, platformCode);
    }

    @Override
    public Platform save(Platform platform) {
        registerGame(platform.game());
        platforms.put(new PlatformKey(platform.gameName(), platform.platformCode()), platform);
        return platform;
    }

    @Override
    public List<Platform> all() {
        return List.copyOf(platforms.values());
    }
}
