package com.crashanalytics.domain.bot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BotRegistry} in a map, for testing use cases inside the hexagon (the shape of ddd-by-examples'
 * {@code InMemoryBookRepo}). One thread at a time: locks are not modelled, {@code findForUpdate} is a plain find.
 */
public final class InMemoryBotRegistry implements BotRegistry {

    private final Map<String, Bot> bots = new ConcurrentHashMap<>();

    @Override
    public Optional<Bot> find(String botId) {
        return Optional.ofNullable(bots.get(botId));
    }

    @Override
    public List<Bot> findAll(Collection<String> botIds) {
        return botIds.stream().distinct().map(bots::get).filter(bot -> bot != null).toList();
    }

    @Override
    public Optional<Bot> findForUpdate(String botId) {
        return find(botId);
    }

    @Override
    public Bot save(Bot bot) {
        bots.put(bot.botId(), bot);
        return bot;
    }

    @Override
    public void recordHeartbeat(String botId, Instant at) {
        bots.computeIfPresent(botId, (id, bot) -> bot.withActivity(bot.currentSessionId(), at));
    }

    @Override
    public void recordSessionStarted(String botId, String sessionId) {
        bots.computeIfPresent(botId, (id, bot) -> bot.withActivity(sessionId, bot.lastHeartbeatAt()));
    }
}
