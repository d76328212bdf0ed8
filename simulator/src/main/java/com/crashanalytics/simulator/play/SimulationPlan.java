package com.crashanalytics.simulator.play;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A whole simulation: every bot plays {@code sessionsPerBot} sessions one after the other (bots in parallel, from
 * {@code startAt}), rotating over the game tables. Everything follows from {@code seed}.
 */
public record SimulationPlan(
        List<BotProfile> bots,
        int sessionsPerBot,
        int roundsPerSession,
        List<GameTable> tables,
        long seed,
        Instant startAt,
        Duration breakBetweenSessions) {

    public SimulationPlan {
        bots = List.copyOf(bots);
        tables = List.copyOf(tables);
        if (bots.isEmpty() || tables.isEmpty()) {
            throw new IllegalArgumentException("a simulation needs at least one bot and one game table");
        }
        if (sessionsPerBot < 1 || roundsPerSession < 1) {
            throw new IllegalArgumentException("at least one session per bot and one round per session");
        }
        if (bots.stream().map(BotProfile::botId).distinct().count() != bots.size()) {
            throw new IllegalArgumentException("bot ids must be distinct");
        }
    }

    /** The same plan, starting at another instant: the same rounds, shifted in time. */
    public SimulationPlan startingAt(Instant start) {
        return new SimulationPlan(bots, sessionsPerBot, roundsPerSession, tables, seed, start, breakBetweenSessions);
    }

    /** Session k (0-based) of bot b plays at table (b + k) mod tables, so every table sees several strategies. */
    GameTable tableFor(int botIndex, int sessionIndex) {
        return tables.get((botIndex + sessionIndex) % tables.size());
    }

    /** Stable across runs with the same seed, and distinct across seeds, so reruns are idempotent on the gateway. */
    String sessionIdFor(BotProfile bot, int sessionIndex) {
        return bot.botId() + "-seed" + seed + "-s" + (sessionIndex + 1);
    }
}
