package com.crashanalytics.domain.session;

import java.time.Instant;

import com.crashanalytics.domain.bot.Bot;
import org.jspecify.annotations.Nullable;

/** Inbound port: a bot reports it is alive; recorded on the bot and, when given, on its session. */
public interface HeartbeatUseCase {

    Heartbeat heartbeat(HeartbeatCommand command);

    /** The bot and session as stored after the heartbeat, and the time recorded. */
    record Heartbeat(Bot bot, @Nullable Session session, Instant receivedAt) {
    }
}
