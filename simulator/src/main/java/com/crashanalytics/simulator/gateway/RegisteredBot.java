package com.crashanalytics.simulator.gateway;

import java.time.Instant;

import com.crashanalytics.domain.bot.Registration;

/** What registerBot answered: the bot and what the registration did. */
public record RegisteredBot(String botId, Registration registration, Instant registeredAt) {
}
