package com.crashanalytics.persistence.bot;

import java.util.List;
import java.util.Optional;

import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformReadModel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Platforms for dashboards: read fresh from {@code game_platform_config} (not through the registry's cache, which
 * may serve another replica's change late). One casino and game a row: a short list, filtered here.
 */
public class JdbcPlatformReadModel implements PlatformReadModel {

    private final JdbcPlatformRegistry platforms;

    public JdbcPlatformReadModel(JdbcClient jdbc) {
        this.platforms = new JdbcPlatformRegistry(jdbc, Optional::empty); // reads only: it never names an author
    }

    @Override
    public List<Platform> platforms(@Nullable String gameName) {
        List<Platform> all = platforms.all();
        return gameName == null ? all : all.stream().filter(platform -> platform.gameName().equals(gameName)).toList();
    }
}
