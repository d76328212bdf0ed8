package com.crashanalytics.domain.bot;

import java.time.Clock;
import java.util.Optional;

import com.crashanalytics.domain.common.InvalidInputException;
import com.crashanalytics.domain.audit.AuditedEntity;
import com.crashanalytics.domain.audit.Auditor;
import com.crashanalytics.domain.common.Transactions;

/**
 * Configures platforms: creates, updates or leaves unchanged, registering unknown games on the way. Creations and
 * changes go into the audit trail (id {@code gameName/platformCode}).
 */
public final class PlatformConfigurationService implements ConfigurePlatformUseCase {

    private final PlatformRegistry registry;
    private final Transactions transactions;
    private final Clock clock;
    private final Auditor auditor;

    public PlatformConfigurationService(PlatformRegistry registry, Transactions transactions, Clock clock,
                                        Auditor auditor) {
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    public ConfiguredPlatform configure(ConfigurePlatformCommand command) {
        return transactions.inTransaction(() -> {
            Game game = registry.findGame(command.gameName()).orElseGet(() -> registerNewGame(command));
            Optional<Platform> existing = registry.findForUpdate(command.gameName(), command.platformCode());
            if (existing.isEmpty()) {
                Platform platform = registry.save(Platform.configure(command, game, clock.instant()));
                auditor.created(AuditedEntity.PLATFORM, auditId(platform), platform);
                return new ConfiguredPlatform(platform, Registration.CREATED);
            }
            Platform known = existing.get();
            if (known.isConfiguredAs(command)) {
                return new ConfiguredPlatform(known, Registration.UNCHANGED);
            }
            Platform updated = registry.save(known.reconfigure(command, clock.instant()));
            auditor.updated(AuditedEntity.PLATFORM, auditId(updated), known, updated);
            return new ConfiguredPlatform(updated, Registration.UPDATED);
        });
    }

    /** How the audit trail names a platform: {@code gameName/platformCode}, e.g. {@code aviator/demo}. */
    public static String auditId(Platform platform) {
        return platform.game().gameName() + "/" + platform.platformCode();
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
