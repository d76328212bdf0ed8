package com.crashanalytics.domain.bot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Outbound port: where bots are kept. */
public interface BotRegistry {

    Optional<Bot> find(String botId);

    /** The bots with these ids that exist, in no particular order (for batch loading). */
    List<Bot> findAll(Collection<String> botIds);

    /** The bot, locked until the current transaction ends so concurrent registrations serialize. */
    Optional<Bot> findForUpdate(String botId);

    /**
     * Stores a new bot, or the new configuration of an existing one. If another transaction inserted the same
     * bot meanwhile, this updates it instead of failing, keeping the first registration time.
     */
    Bot save(Bot bot);

    /** Records that the bot was alive at this time (a heartbeat). */
    void recordHeartbeat(String botId, Instant at);

    /** Records the session the bot started most recently. */
    void recordSessionStarted(String botId, String sessionId);
}
