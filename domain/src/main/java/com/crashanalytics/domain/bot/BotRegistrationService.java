package com.crashanalytics.domain.bot;

import java.time.Clock;
import java.util.Optional;

import com.crashanalytics.domain.audit.AuditedEntity;
import com.crashanalytics.domain.audit.Auditor;
import com.crashanalytics.domain.common.Transactions;

/**
 * Registers bots: first time creates, later times update the mutable configuration or change nothing. Creations and
 * changes go into the audit trail; a registration that changes nothing does not.
 */
public final class BotRegistrationService implements RegisterBotUseCase {

    private final BotRegistry registry;
    private final Transactions transactions;
    private final Clock clock;
    private final Auditor auditor;

    public BotRegistrationService(BotRegistry registry, Transactions transactions, Clock clock, Auditor auditor) {
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
        this.auditor = auditor;
    }

    @Override
    public RegisteredBot register(RegisterBotCommand command) {
        return transactions.inTransaction(() -> {
            Optional<Bot> existing = registry.findForUpdate(command.botId());
            if (existing.isEmpty()) {
                Bot created = registry.save(Bot.register(command, clock.instant()));
                auditor.created(AuditedEntity.BOT, created.botId(), created);
                return new RegisteredBot(created, Registration.CREATED);
            }
            Bot known = existing.get();
            if (known.isConfiguredAs(command)) {
                return new RegisteredBot(known, Registration.UNCHANGED);
            }
            Bot updated = registry.save(known.reconfigure(command, clock.instant()));
            auditor.updated(AuditedEntity.BOT, updated.botId(), known, updated);
            return new RegisteredBot(updated, Registration.UPDATED);
        });
    }
}
