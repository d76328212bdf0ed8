package com.crashanalytics.domain.bot;

import java.time.Clock;
import java.util.Optional;

import com.crashanalytics.domain.common.Transactions;

/** Registers bots: first time creates, later times update the mutable configuration or change nothing. */
public final class BotRegistrationService implements RegisterBotUseCase {

    private final BotRegistry registry;
    private final Transactions transactions;
    private final Clock clock;

    public BotRegistrationService(BotRegistry registry, Transactions transactions, Clock clock) {
        this.registry = registry;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RegisteredBot register(RegisterBotCommand command) {
        return transactions.inTransaction(() -> {
            Optional<Bot> existing = registry.findForUpdate(command.botId());
            if (existing.isEmpty()) {
                return new RegisteredBot(registry.save(Bot.register(command, clock.instant())), Registration.CREATED);
            }
            Bot known = existing.get();
            if (known.isConfiguredAs(command)) {
                return new RegisteredBot(known, Registration.UNCHANGED);
            }
            return new RegisteredBot(registry.save(known.reconfigure(command, clock.instant())), Registration.UPDATED);
        });
    }
}
