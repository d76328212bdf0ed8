package com.crashanalytics.domain.bot;

import java.time.Clock;
import java.util.Optional;

import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.common.Transactions;

/** Configures platforms: creates, updates or leaves unchanged, registering unknown games on the way. */
public final class PlatformConfigurationService implements ConfigurePlatformUseCase {

    private final PlatformRegistry registry;
    private final Transactions transactions;
    private final Clock clock;

    public PlatformConfigurationService(PlatformRegistry registry, Transactions transactions, Clock clock) {
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ConfiguredPlatform configure(ConfigurePlatformCommand command) {
        return transactions.inTransaction(() -> {
            Game game = registry.findGame(command.gameName()).orElseGet(() -> registerNewGame(command));
            Optional<Platform> existing = registry.findForUpdate(command.gameName(), command.platformCode());
            if (existing.isEmpty()) {
                Platform platform = registry.save(Platform.configure(command, game, clock.instant()));
                return new ConfiguredPlatform(platform, Registration.CREATED);
            }
            Platform known = existing.get();
            if (known.isConfiguredAs(command)) {
                return new ConfiguredPlatform(known, Registration.UNCHANGED);
            }
            return new ConfiguredPlatform(registry.save(known.reconfigure(command, clock.instant())), Registration.UPDATED);
        });
    }

    private Game registerNewGame(ConfigurePlatformCommand command) {
        if (command.houseEdgePercent() == null) {
            throw InvalidInputException.of("houseEdgePercent", "REQUIRED_FOR_NEW_GAME",
                    "is required to register the game '" + command.gameName()
                            + "', which the gateway does not know yet (its RTP is 100% minus this)");
        }
        return registry.registerGame(Game.firstSeenIn(command));
    }
}
