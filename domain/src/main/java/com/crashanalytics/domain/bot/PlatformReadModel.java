package com.crashanalytics.domain.bot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Outbound port (read model): the configured platforms, as dashboards list them. */
public interface PlatformReadModel {

    /** The platforms configured for the game (for every game when null), by game and platform code. */
    List<Platform> platforms(@Nullable String gameName);
}
