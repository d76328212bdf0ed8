package com.crashanalytics.api.platform;

import java.util.List;

import com.crashanalytics.domain.bot.ConfigurePlatformUseCase;
import com.crashanalytics.domain.bot.ConfigurePlatformUseCase.ConfiguredPlatform;
import com.crashanalytics.domain.bot.Platform;
import com.crashanalytics.domain.bot.PlatformReadModel;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Games on platforms: configured by bots or operators, listed for dashboards. */
@Controller
class PlatformController {

    private final ConfigurePlatformUseCase configurePlatform;
    private final PlatformReadModel platforms;

    PlatformController(ConfigurePlatformUseCase configurePlatform, PlatformReadModel platforms) {
        this.configurePlatform = configurePlatform;
        this.platforms = platforms;
    }

    @MutationMapping
    ConfiguredPlatform configurePlatform(@Argument ConfigurePlatformInput input) {
        return configurePlatform.configure(input.toCommand());
    }

    @QueryMapping
    List<Platform> platforms(@Argument String gameName) {
        return platforms.platforms(gameName);
    }
}
