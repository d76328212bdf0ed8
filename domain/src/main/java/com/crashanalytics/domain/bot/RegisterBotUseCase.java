package com.crashanalytics.domain.bot;

/** Inbound port: a bot announces itself (idempotent: repeating a registration is harmless). */
public interface RegisterBotUseCase {

    RegisteredBot register(RegisterBotCommand command);

    /** The bot as stored after the registration, and what the registration did. */
    record RegisteredBot(Bot bot, Registration registration) {
    }
}
