package com.crashanalytics.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Outbound port (read model): how alive the fleet is, for operators' gauges. Cheap enough to ask every few
 * seconds: one index probe per bot, one count over the sessions.
 */
public interface FleetActivityReadModel {

    /**
     * The bots heard from most recently (by their last round or heartbeat, whichever is later), at most
     * {@code limit} of them, most recent first; bots never heard from come last.
     */
    List<BotActivity> mostRecentlyActiveBots(int limit);

    /** How many sessions are in each status; a status no session is in counts 0. */
    Map<SessionStatus, Long> sessionsByStatus();

    /**
     * When a bot was last heard from.
     *
     * @param lastRoundAt     the start of its newest round (the bot's clock), null if it has logged none
     * @param lastHeartbeatAt its last heartbeat as the gateway received it, null if it has sent none
     */
    record BotActivity(String botId, @Nullable Instant lastRoundAt, @Nullable Instant lastHeartbeatAt) {
    }
}
