package com.crashanalytics.domain.bot;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Outbound port: the games the gateway knows and the platforms that offer them. */
public interface PlatformRegistry {

    Optional<Game> findGame(String gameName);

    /** Registers a game unless another transaction did meanwhile; returns the game as stored. */
    Game registerGame(Game game);

    Optional<Platform> find(String gameName, String platformCode);

    /** The configured platforms among these (game, platform) pairs, for checking a batch at once. */
    List<Platform> findAll(Collection<PlatformKey> keys);

    /** The platform, locked until the current transaction ends so concurrent configurations serialize. */
    Optional<Platform> findForUpdate(String gameName, String platformCode);

    /** Stores a new platform or a new configuration of one; a concurrent first insert becomes an update. */
    Platform save(Platform platform);

    /** Every configured platform, by game and platform code (a short list: one row per casino and game). */
    List<Platform> all();

    /** A (game, platform) pair. */
    record PlatformKey(String gameName, String platformCode) {
    }
}
