package com.crashanalytics.domain.bot;

/** Inbound port: configure a game on a platform (idempotent: the same configuration again changes nothing). */
public interface ConfigurePlatformUseCase {

    ConfiguredPlatform configure(ConfigurePlatformCommand command);

    /** The platform as stored after the call, and what the call did. */
    record ConfiguredPlatform(Platform platform, Registration registration) {
    }
}
